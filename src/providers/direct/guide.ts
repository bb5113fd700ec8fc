import type { ProviderGuide } from '../types';

// What the dashboard shows of this provider, in both languages: where its console takes our webhook URLs (PROVIDERS.md).
export const guide: ProviderGuide = {
  title: 'VietQR (direct)',
  summary: {
    vi: 'Tạo mã VietQR ngay tại đây cho tài khoản ngân hàng của bạn; không nhận báo có. Kết hợp với một nguồn báo có (Casso, SePay) trên cùng số tài khoản để đơn được xác nhận tự động.',
    en: 'Makes VietQR codes here for your bank account; receives no callbacks. Pair it with a bank feed (Casso, SePay) on the same account number so that orders are confirmed automatically.',
  },
  steps: { vi: [], en: [] },
};
