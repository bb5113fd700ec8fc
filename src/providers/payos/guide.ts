import type { ProviderGuide } from '../types';

// What the dashboard shows of this provider, in both languages: where its console takes our webhook URLs (PROVIDERS.md).
export const guide: ProviderGuide = {
  title: 'payOS',
  summary: {
    vi: 'Link thanh toán và mã QR qua payOS; payOS gửi webhook có chữ ký.',
    en: 'Payment links and QR codes through payOS; payOS sends signed webhooks.',
  },
  steps: {
    vi: [
      'Mở my.payos.vn → Kênh thanh toán → chọn kênh → Webhook URL.',
      'Dán URL “webhook” ở trên và lưu.',
      'payOS gửi ngay một webhook thử; chúng tôi trả 2xx để xác nhận.',
    ],
    en: [
      'Open my.payos.vn → Payment channels → your channel → Webhook URL.',
      'Paste the “webhook” URL above and save.',
      'payOS sends a test webhook at once; we answer 2xx to confirm it.',
    ],
  },
};
