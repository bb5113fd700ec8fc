import type { Lang } from './i18n';

// Where each provider's console takes the webhook URLs (PROVIDERS.md), in both languages. This is the one
// file outside src/providers/ that names providers: it is page text, keyed by the registry's names, and a
// provider missing here just gets the general advice. (At merge it can move into each provider module.)

export interface ProviderGuide {
  /** The provider as merchants know it. */
  title: string;
  /** One line on what the account does. */
  summary: Record<Lang, string>;
  /** Steps to register our URLs at the provider (empty when nothing calls us). */
  steps: Record<Lang, string[]>;
}

export const PROVIDER_GUIDES: Record<string, ProviderGuide> = {
  direct: {
    title: 'VietQR (direct)',
    summary: {
      vi: 'Tạo mã VietQR ngay tại đây cho tài khoản ngân hàng của bạn; không nhận báo có. Kết hợp với một nguồn báo có (Casso, SePay) trên cùng số tài khoản để đơn được xác nhận tự động.',
      en: 'Makes VietQR codes here for your bank account; receives no callbacks. Pair it with a bank feed (Casso, SePay) on the same account number so that orders are confirmed automatically.',
    },
    steps: { vi: [], en: [] },
  },
  bankhub: {
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
  },
  vietqr: {
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
  },
  tingee: {
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
  },
  payos: {
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
  },
  casso: {
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
  },
  sepay: {
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
  },
};

export const guideOf = (provider: string): ProviderGuide | null =>
  Object.hasOwn(PROVIDER_GUIDES, provider) ? PROVIDER_GUIDES[provider]! : null;
