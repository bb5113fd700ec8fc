import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FINGERPRINT_WINDOW_MS,
  findSameTransfer,
  normalizeBankReference,
  type PaymentKey,
  type ReportKey,
  sameTransfer,
  transferCode,
} from '../../../src/ledger/identity';

const T0 = Date.parse('2026-11-30T08:00:00.000Z');

const report = (fields: Partial<ReportKey> = {}): ReportKey => ({
  providerAccountId: 'pa_sepay',
  amount: 60_000,
  bankReference: null,
  code: 'QR7K3M9XT',
  receivedAt: T0,
  ...fields,
});

const payment = (fields: Partial<PaymentKey> = {}): PaymentKey => ({
  id: 'pay_1',
  amount: 60_000,
  bankReference: null,
  code: 'QR7K3M9XT',
  firstReceivedAt: T0,
  reportedBy: ['pa_casso'],
  ...fields,
});

describe('normalizeBankReference (CONTRACT §4a)', () => {
  it('uppercases, drops everything from a backslash on, keeps only A-Z0-9', () => {
    expect(normalizeBankReference('FT23339WL0MW\\BNK')).toBe('FT23339WL0MW');
    expect(normalizeBankReference('ft23339wl0mw')).toBe('FT23339WL0MW');
    expect(normalizeBankReference(' FT-2333 9WL.0MW ')).toBe('FT23339WL0MW');
  });

  it('an empty or punctuation-only reference is no reference', () => {
    for (const value of ['', '   ', '\\BNK', '---', null, undefined]) expect(normalizeBankReference(value)).toBeNull();
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const once = normalizeBankReference(text);
        expect(normalizeBankReference(once)).toBe(once);
      }),
    );
  });
});

describe('transferCode', () => {
  it('is the payment code in the content, however decorated, else the normalised content', () => {
    expect(transferCode('MBVCB.8812.qr7k3m9xt.CT tu 0071000123456')).toBe('QR7K3M9XT');
    expect(transferCode('chuyển tiền mua hàng')).toBe('CHUYENTIENMUAHANG');
  });
});

describe('sameTransfer', () => {
  it('rule 2: same amount and same normalised bank reference, whatever the feeds and the time', () => {
    const p = payment({ bankReference: 'FT23339WL0MW', reportedBy: ['pa_sepay'] });
    expect(sameTransfer(report({ bankReference: 'FT23339WL0MW', receivedAt: T0 + 86_400_000, code: 'OTHER' }), p)).toBe('bank_reference');
  });

  it('two different bank references are two transfers, even with the same code and amount', () => {
    expect(sameTransfer(report({ bankReference: 'FTAAA' }), payment({ bankReference: 'FTBBB' }))).toBeNull();
  });

  it('rule 3: without a reference on one side, same code and amount from another feed within 10 minutes', () => {
    expect(sameTransfer(report(), payment({ bankReference: 'FTAAA' }))).toBe('fingerprint');
    expect(sameTransfer(report({ bankReference: 'FTAAA' }), payment())).toBe('fingerprint');
    expect(sameTransfer(report({ receivedAt: T0 + FINGERPRINT_WINDOW_MS }), payment())).toBe('fingerprint');
    expect(sameTransfer(report({ receivedAt: T0 + FINGERPRINT_WINDOW_MS + 1 }), payment())).toBeNull();
    expect(sameTransfer(report({ code: 'QR2222222' }), payment())).toBeNull();
  });

  it("never merges one feed's own reports by fingerprint", () => {
    expect(sameTransfer(report({ providerAccountId: 'pa_casso' }), payment())).toBeNull();
  });

  it('a different amount is never the same transfer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 9 }), fc.boolean(), (a, b, withReference) => {
        fc.pre(a !== b);
        const reference = withReference ? 'FT1' : null;
        expect(sameTransfer(report({ amount: a, bankReference: reference }), payment({ amount: b, bankReference: reference }))).toBeNull();
      }),
    );
  });

  it('is symmetric between two feeds that each reported once', () => {
    const side = fc.record({
      account: fc.constantFrom('pa_a', 'pa_b', 'pa_c'),
      amount: fc.constantFrom(10_000, 20_000),
      reference: fc.constantFrom(null, 'FT1', 'FT2'),
      code: fc.constantFrom('QRAAAAAAA', 'QRBBBBBBB'),
      at: fc.integer({ min: 0, max: 2 * FINGERPRINT_WINDOW_MS }),
    });
    fc.assert(
      fc.property(side, side, (x, y) => {
        const asReport = (s: typeof x): ReportKey => ({
          providerAccountId: s.account,
          amount: s.amount,
          bankReference: s.reference,
          code: s.code,
          receivedAt: T0 + s.at,
        });
        const asPayment = (s: typeof x): PaymentKey => ({
          id: 'p',
          amount: s.amount,
          bankReference: s.reference,
          code: s.code,
          firstReceivedAt: T0 + s.at,
          reportedBy: [s.account],
        });
        expect(sameTransfer(asReport(x), asPayment(y))).toBe(sameTransfer(asReport(y), asPayment(x)));
      }),
    );
  });
});

describe('findSameTransfer', () => {
  it('prefers a bank-reference match over an earlier fingerprint match', () => {
    const byFingerprint = payment({ id: 'pay_fp', firstReceivedAt: T0 - 60_000 });
    const byReference = payment({ id: 'pay_ref', bankReference: 'FT1', code: 'OTHER', firstReceivedAt: T0 - 3_600_000 });
    expect(findSameTransfer(report({ bankReference: 'FT1' }), [byFingerprint, byReference])?.id).toBe('pay_ref');
  });

  it('takes the earliest fingerprint match, and nothing when no candidate is the same transfer', () => {
    const later = payment({ id: 'pay_later', firstReceivedAt: T0 + 60_000 });
    const earlier = payment({ id: 'pay_earlier', firstReceivedAt: T0 - 60_000 });
    expect(findSameTransfer(report(), [later, earlier])?.id).toBe('pay_earlier');
    expect(findSameTransfer(report({ amount: 1 }), [later, earlier])).toBeNull();
  });
});
