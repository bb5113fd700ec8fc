import { describe, expect, it } from 'vitest';
import type { CheckoutOrder } from '../../../src/pages/order-view';
import { acceptsAnyAmount, remainingQr } from '../../../src/pages/remaining-qr';
import { decodeVietQr, encodeVietQr } from '../../../src/qr/vietqr';

const payload = encodeVietQr({ bin: '970436', accountNumber: '1017595600', service: 'account', amount: 90_000, content: 'QR7K3M9XT' });

const order = (over: Partial<CheckoutOrder> = {}): CheckoutOrder => ({
  id: 'ord_x',
  merchantId: 'mer_x',
  status: 'partially_paid',
  amount: 90_000,
  amountPaid: 30_000,
  reference: 'INV-1',
  description: null,
  qrPayload: payload,
  bank: { bin: '970436', shortName: 'VCB', name: 'Vietcombank', accountNumber: '1017595600', accountName: 'SHOP' },
  transferContent: 'QR7K3M9XT',
  provider: 'direct',
  returnUrl: null,
  expiresAt: new Date(Date.now() + 60_000).toISOString(),
  paidAt: null,
  graceMs: 120_000,
  ...over,
});

describe('remainingQr', () => {
  it('re-issues the order’s QR for what is due: same account and content, the amount still due', () => {
    const result = remainingQr(order());
    if (!result.ok) throw new Error(result.reason);
    expect(result.due).toBe(60_000);
    expect(decodeVietQr(result.payload)).toMatchObject({
      ok: true,
      value: { accountNumber: '1017595600', bin: '970436', content: 'QR7K3M9XT', amount: 60_000 },
    });
  });

  it('is the order’s own QR while nothing is paid, whatever the provider', () => {
    expect(remainingQr(order({ status: 'pending', amountPaid: 0, provider: 'payos' }))).toEqual({ ok: true, payload, due: 90_000 });
  });

  it.each([
    [{ status: 'paid' as const, amountPaid: 90_000 }, /nothing is due/],
    [{ status: 'expired' as const }, /expired: it takes no more payments/],
    [{ status: 'canceled' as const }, /canceled/],
    [{ provider: 'payos' }, /one-off payment request/],
    [{ provider: 'bankhub' }, /one-off payment request/],
    [{ qrPayload: `${payload.slice(0, -4)}0000` }, /cannot be re-issued/],
  ])('refuses %j with the reason', (over, reason) => {
    const result = remainingQr(order(over));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('follows each provider’s own word on whether its QR takes any amount', () => {
    const any = ['direct', 'vietqr', 'tingee', 'casso', 'sepay'].filter((provider) => acceptsAnyAmount(order({ provider })));
    expect(any).toEqual(['direct', 'vietqr', 'tingee', 'casso', 'sepay']);
    expect(['payos', 'bankhub', 'unknown'].some((provider) => acceptsAnyAmount(order({ provider })))).toBe(false);
  });
});
