import type { ProviderGuide } from '../types';

// What the dashboard shows of this provider, in both languages: where its console takes our webhook URLs (PROVIDERS.md).
export const guide: ProviderGuide = {
  title: 'SePay',
  summary: {
    vi: 'Báo có từ tài khoản ngân hàng qua webhook SePay (không tạo QR).',
    en: 'Bank-account feed through SePay webhooks (makes no QR).',
  },
  steps: {
    vi: [
      'Mở my.sepay.vn → Tích hợp WebHooks → Thêm webhook.',
      'Dán URL “webhook” ở trên; chọn nhận giao dịch tiền vào.',
      'Xác thực: “API Key” với API key đã nhập ở đây, hoặc HMAC với Webhook Secret.',
    ],
    en: [
      'Open my.sepay.vn → WebHooks integration → Add webhook.',
      'Paste the “webhook” URL above; receive incoming transfers.',
      'Authentication: “API Key” with the API key you entered here, or HMAC with the webhook secret.',
    ],
  },
};
