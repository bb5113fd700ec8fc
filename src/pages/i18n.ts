import type { Lang } from '../lib/language';

export { type Lang, otherLang } from '../lib/language';

export interface Strings {
  pageTitle: string;
  payTo: string;
  amount: string;
  scanQr: string;
  saveQr: string;
  saveQrHint: string;
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
  timeZone: string;
  days: string;
  reference: string;
  description: string;
  statusLabel: Record<'pending' | 'partially_paid' | 'paid' | 'expired' | 'canceled', string>;
  noScript: string;
  reload: string;
  partialTitle: string;
  received: string;
  stillDue: string;
  partialQr: string;
  partialFixedQr: (merchant: string) => string;
  theShop: string;
  paidTitle: string;
  paidBody: string;
  paidAt: string;
  amountReceived: string;
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
  openApp: string;
  openAppNote: string;
}

const vi: Strings = {
  pageTitle: 'Thanh toán đơn hàng',
  payTo: 'Thanh toán cho',
  amount: 'Số tiền',
  scanQr: 'Quét mã bằng ứng dụng ngân hàng',
  saveQr: 'Tải ảnh QR',
  saveQrHint: 'Lưu ảnh rồi quét QR từ ảnh trong app ngân hàng.',
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
  timeZone: 'giờ Việt Nam (UTC+7)',
  days: 'ngày',
  reference: 'Mã đơn hàng',
  description: 'Nội dung',
  statusLabel: {
    pending: 'Đang chờ thanh toán',
    partially_paid: 'Đã nhận một phần',
    paid: 'Đã thanh toán',
    expired: 'Đã hết hạn',
    canceled: 'Đã hủy',
  },
  noScript: 'Trang không tự cập nhật khi JavaScript bị tắt.',
  reload: 'Tải lại để xem trạng thái',
  partialTitle: 'Đã nhận một phần',
  received: 'Đã nhận',
  stillDue: 'Còn thiếu',
  partialQr: 'Mã QR đã ghi số tiền còn thiếu, cùng tài khoản và nội dung chuyển khoản.',
  partialFixedQr: (merchant) =>
    `Mã QR của đơn này chỉ nhận đúng số tiền ban đầu, nên không quét lại. Vui lòng liên hệ ${merchant} để thanh toán số tiền còn thiếu.`,
  theShop: 'cửa hàng',
  paidTitle: 'Thanh toán thành công',
  paidBody: 'Cảm ơn bạn! Đơn hàng đã được thanh toán.',
  paidAt: 'Thời gian',
  amountReceived: 'Số tiền đã nhận',
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
  openApp: 'Mở app ngân hàng',
  openAppNote:
    'Các liên kết này đi qua dl.vietqr.io, dịch vụ của VietQR.io (bên thứ ba, không phải cửa hàng hay ngân hàng), để mở ứng dụng với thông tin đã điền sẵn. Hãy kiểm tra lại số tài khoản, số tiền và nội dung trước khi xác nhận.',
};

const en: Strings = {
  pageTitle: 'Pay your order',
  payTo: 'Pay to',
  amount: 'Amount',
  scanQr: 'Scan it with your banking app',
  saveQr: 'Save QR image',
  saveQrHint: 'Save it, then scan it from your photos in the bank app.',
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
  timeZone: 'Vietnam time (UTC+7)',
  days: 'd',
  reference: 'Order',
  description: 'Description',
  statusLabel: {
    pending: 'Waiting for your payment',
    partially_paid: 'Partly paid',
    paid: 'Paid',
    expired: 'Expired',
    canceled: 'Canceled',
  },
  noScript: 'This page does not update itself with JavaScript turned off.',
  reload: 'Reload to see the status',
  partialTitle: 'Partly paid',
  received: 'Received',
  stillDue: 'Still due',
  partialQr: 'The QR code now carries the amount still due, with the same account and transfer content.',
  partialFixedQr: (merchant) =>
    `This order's QR code only takes its original amount, so do not scan it again. Please contact ${merchant} to pay the amount still due.`,
  theShop: 'the shop',
  paidTitle: 'Payment received',
  paidBody: 'Thank you! Your order is paid.',
  paidAt: 'Time',
  amountReceived: 'Amount received',
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
  openApp: 'Open bank app',
  openAppNote:
    'These links go through dl.vietqr.io, a service of VietQR.io (a third party, neither the shop nor a bank), to open the app with the details filled in. Check the account, amount and content before you confirm.',
};

export const STRINGS: Record<Lang, Strings> = { vi, en };
