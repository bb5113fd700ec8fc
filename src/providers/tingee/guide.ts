import type { ProviderGuide } from '../types';

// What the dashboard shows of this provider, in both languages: where its console takes our webhook URLs (PROVIDERS.md).
export const guide: ProviderGuide = {
  title: 'Tingee',
  summary: {
    vi: 'Mã QR qua Tingee; Tingee gửi thông báo đã ký (x-signature).',
    en: 'QR codes through Tingee; Tingee sends signed notifications (x-signature).',
  },
  steps: {
    vi: [
      'Mở trang quản trị Tingee → cấu hình webhook / IPN.',
      'Dán URL “notification” ở trên.',
      'Thông báo được ký bằng Secret Token đã nhập ở đây.',
    ],
    en: [
      'Open the Tingee dashboard → webhook / IPN settings.',
      'Paste the “notification” URL above.',
      'Notifications are signed with the Secret Token you entered here.',
    ],
  },
};
