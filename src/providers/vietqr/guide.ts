import type { ProviderGuide } from '../types';

// What the dashboard shows of this provider, in both languages: where its console takes our webhook URLs (PROVIDERS.md).
export const guide: ProviderGuide = {
  title: 'VietQR.vn',
  summary: {
    vi: 'Mã QR qua VietQR.vn (generate-customer); VietQR gọi token_generate rồi transaction-sync của chúng tôi.',
    en: 'QR codes through VietQR.vn (generate-customer); VietQR calls our token_generate, then transaction-sync.',
  },
  steps: {
    vi: [
      'Khai báo với VietQR (thủ tục kết nối “customer sync”): địa chỉ máy chủ là URL “base” ở trên.',
      'Đưa VietQR tên đăng nhập và mật khẩu callback đã nhập ở đây (callbackUsername / callbackPassword).',
      'VietQR sẽ gọi “tokenGenerate” để lấy token rồi gửi giao dịch tới “transactionSync”.',
    ],
    en: [
      'Declare the merchant host to VietQR (their “customer sync” onboarding): it is the “base” URL above.',
      'Give VietQR the callback username and password you entered here (callbackUsername / callbackPassword).',
      'VietQR then calls “tokenGenerate” for a token and posts transactions to “transactionSync”.',
    ],
  },
};
