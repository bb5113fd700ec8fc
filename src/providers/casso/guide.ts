import type { ProviderGuide } from '../types';

// What the dashboard shows of this provider, in both languages: where its console takes our webhook URLs (PROVIDERS.md).
export const guide: ProviderGuide = {
  title: 'Casso',
  summary: {
    vi: 'Báo có từ tài khoản ngân hàng qua Casso Webhook V2 (không tạo QR).',
    en: 'Bank-account feed through Casso Webhook V2 (makes no QR).',
  },
  steps: {
    vi: ['Mở my.casso.vn → Tích hợp → Webhook V2.', 'Dán URL “webhook” ở trên.', 'Ô “Key bảo mật” là Checksum Key đã nhập ở đây.'],
    en: [
      'Open my.casso.vn → Integrations → Webhook V2.',
      'Paste the “webhook” URL above.',
      'The “Key bảo mật” (security key) is the Checksum Key you entered here.',
    ],
  },
};
