import type { ProviderGuide } from '../types';

// What the dashboard shows of this provider, in both languages: where its console takes our webhook URLs (PROVIDERS.md).
export const guide: ProviderGuide = {
  title: 'Casso BankHub (QR Pay)',
  summary: {
    vi: 'Mã QR Pay theo từng đơn và tài khoản ảo qua BankHub; BankHub gửi webhook TRANSACTIONS.',
    en: 'Per-order QR Pay codes and virtual accounts through BankHub; BankHub sends TRANSACTIONS webhooks.',
  },
  steps: {
    vi: [
      'Mở BankHub Console (bankhub.dev / cas.so) → Webhook.',
      'Dán URL “transactions” ở trên (URL đã chứa mã bí mật; đừng chia sẻ).',
      'Lưu; BankHub gửi lại tới 17 lần trong 24 giờ nếu không nhận được 200.',
    ],
    en: [
      'Open the BankHub Console (bankhub.dev / cas.so) → Webhook.',
      'Paste the “transactions” URL above (it carries a secret token: do not share it).',
      'Save; BankHub retries up to 17 times within 24 h until it gets a 200.',
    ],
  },
};
