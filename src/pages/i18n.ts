export type Lang = 'vi' | 'en';

export interface Strings {
  pageTitle: string;
  payTo: string;
  amount: string;
  scanQr: string;
  orTransfer: string;
  bank: string;
  accountNumber: string;
  accountName: string;
  transferContent: string;
  copy: string;
  copied: string;
  keepContent: string;
  expiresIn: string;
  expiresAt: string;
  days: string;
  reference: string;
  description: string;
  waiting: string;
  noScript: string;
  reload: string;
  partialTitle: string;
  partialBody: string;
  stillDue: string;
  qrFullAmount: string;
  paidTitle: string;
  paidBody: string;
  returnToShop: string;
  redirecting: string;
  expiredTitle: string;
  expiredBody: string;
  canceledTitle: string;
  canceledBody: string;
  notFoundTitle: string;
  notFoundBody: string;
  otherLanguage: string;
  qrAlt: string;
}

const vi: Strings = {
  pageTitle: 'Thanh toán đơn hàng',
  payTo: 'Thanh toán cho',
  amount: 'Số tiền',
  scanQr: 'Mở ứng dụng ngân hàng và quét mã QR',
  orTransfer: 'Hoặc chuyển khoản theo thông tin sau',
  bank: 'Ngân hàng',
  accountNumber: 'Số tài khoản',
  accountName: 'Chủ tài khoản',
  transferContent: 'Nội dung chuyển khoản',
  copy: 'Sao chép',
  copied: 'Đã chép',
  keepContent: 'Giữ nguyên nội dung chuyển khoản, không thêm bớt ký tự, để đơn hàng được xác nhận tự động.',
  expiresIn: 'Hết hạn sau',
  expiresAt: 'Hết hạn lúc',
  days: 'ngày',
  reference: 'Mã đơn hàng',
  description: 'Nội dung',
  waiting: 'Đang chờ thanh toán…',
  noScript: 'Trang không tự cập nhật khi JavaScript bị tắt.',
  reload: 'Tải lại để xem trạng thái',
  partialTitle: 'Đã nhận một phần',
  partialBody: 'Vui lòng chuyển số tiền còn thiếu với cùng nội dung chuyển khoản.',
  stillDue: 'Còn thiếu',
  qrFullAmount: 'Mã QR ghi số tiền đầy đủ: hãy sửa số tiền trong ứng dụng ngân hàng.',
  paidTitle: 'Thanh toán thành công',
  paidBody: 'Cảm ơn bạn! Đơn hàng đã được thanh toán.',
  returnToShop: 'Quay lại cửa hàng',
  redirecting: 'Tự động quay lại sau vài giây…',
  expiredTitle: 'Đơn hàng đã hết hạn',
  expiredBody: 'Vui lòng không chuyển khoản cho đơn này. Hãy tạo đơn mới tại cửa hàng.',
  canceledTitle: 'Đơn hàng đã bị hủy',
  canceledBody: 'Vui lòng không chuyển khoản cho đơn này.',
  notFoundTitle: 'Không tìm thấy đơn hàng',
  notFoundBody: 'Liên kết thanh toán không đúng hoặc đã bị xóa. Vui lòng kiểm tra lại với cửa hàng.',
  otherLanguage: 'English',
  qrAlt: 'Mã VietQR để chuyển khoản',
};

const en: Strings = {
  pageTitle: 'Pay your order',
  payTo: 'Pay to',
  amount: 'Amount',
  scanQr: 'Open your banking app and scan the QR code',
  orTransfer: 'Or transfer with these details',
  bank: 'Bank',
  accountNumber: 'Account number',
  accountName: 'Account name',
  transferContent: 'Transfer content',
  copy: 'Copy',
  copied: 'Copied',
  keepContent: 'Keep the transfer content exactly as it is, adding or removing nothing, so that your order is confirmed automatically.',
  expiresIn: 'Expires in',
  expiresAt: 'Expires at',
  days: 'd',
  reference: 'Order',
  description: 'Description',
  waiting: 'Waiting for your payment…',
  noScript: 'This page does not update itself with JavaScript turned off.',
  reload: 'Reload to see the status',
  partialTitle: 'Partly paid',
  partialBody: 'Please transfer the rest with the same transfer content.',
  stillDue: 'Still due',
  qrFullAmount: 'The QR code carries the full amount: change the amount in your banking app.',
  paidTitle: 'Payment received',
  paidBody: 'Thank you! Your order is paid.',
  returnToShop: 'Return to shop',
  redirecting: 'Taking you back in a few seconds…',
  expiredTitle: 'This order has expired',
  expiredBody: 'Please do not transfer money for it. Start a new order at the shop.',
  canceledTitle: 'This order was canceled',
  canceledBody: 'Please do not transfer money for it.',
  notFoundTitle: 'Order not found',
  notFoundBody: 'This payment link is wrong or no longer exists. Please check with the shop.',
  otherLanguage: 'Tiếng Việt',
  qrAlt: 'VietQR code for the transfer',
};

export const STRINGS: Record<Lang, Strings> = { vi, en };

/** `?lang=` wins; otherwise English only when Accept-Language ranks it above Vietnamese. Vietnamese is the default. */
export function pickLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query === 'vi' || query === 'en') return query;
  const ranks = parseAcceptLanguage(acceptLanguage ?? '');
  return (ranks.get('en') ?? 0) > (ranks.get('vi') ?? 0) ? 'en' : 'vi';
}

/** Highest q per primary language tag: `en-US,en;q=0.9,vi;q=0.8` → {en: 1, vi: 0.8}. */
function parseAcceptLanguage(header: string): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    const weight = q === undefined ? 1 : Number(q);
    const primary = tag.split('-')[0] ?? '';
    if (primary && Number.isFinite(weight)) ranks.set(primary, Math.max(ranks.get(primary) ?? 0, weight));
  }
  return ranks;
}

/** The same page in the other language, for the switch link. */
export const otherLang = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');
