import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstMatch, type MatchKey, matchKeys } from '../../../src/ledger/match';
import { findPaymentCodes, normalizeContent, PAYMENT_CODE_ALPHABET } from '../../../src/ledger/payment-code';

const codeArb = fc.string({ unit: fc.constantFrom(...PAYMENT_CODE_ALPHABET), minLength: 7, maxLength: 7 }).map((s) => `QR${s}`);

interface TestOrder {
  id: string;
  code: string;
  account?: string;
  reference?: string;
  va?: string;
}

/** The index as the ledger holds it: provider references and virtual accounts are scoped to their account. */
const index = (orders: TestOrder[]) => (key: MatchKey) =>
  orders.find((o) =>
    key.by === 'payment_code'
      ? o.code === key.value
      : (o.account ?? 'pa_1') === key.providerAccountId && (key.by === 'reference' ? o.reference : o.va) === key.value,
  )?.id ?? null;

const tx = (content: string, fields: { reference?: string | null; va?: string | null; account?: string } = {}) => ({
  providerAccountId: fields.account ?? 'pa_1',
  providerReference: fields.reference ?? null,
  virtualAccount: fields.va ?? null,
  content,
});

const match = (transaction: ReturnType<typeof tx>, orders: TestOrder[]) => {
  const hit = firstMatch(matchKeys(transaction), index(orders));
  return hit ? { orderId: hit.found, matchedBy: hit.matchedBy } : null;
};

/** How banks mangle a code: lower case, spaces or dots inside, diacritics and noise around it. */
const mangle = (code: string, cut: number, sep: string) => `${code.slice(0, cut).toLowerCase()}${sep}${code.slice(cut).toLowerCase()}`;

describe('normalizeContent', () => {
  it('uppercases, folds Vietnamese diacritics (đ → D) and keeps only A-Z0-9', () => {
    expect(normalizeContent('Thanh toán đơn QR7k3m 9xt!')).toBe('THANHTOANDONQR7K3M9XT');
  });
});

describe('matching a transfer to an order', () => {
  it('finds a payment code however the bank mangles it', () => {
    fc.assert(
      fc.property(
        codeArb,
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(' ', '.', '-', ' . ', ''),
        fc.string({ maxLength: 20 }),
        (code, cut, sep, noise) => {
          const content = `MBVCB.3278907687.${mangle(code, cut, sep)}.CT tu ${noise.replace(/[a-z0-9]/gi, ' ')}`;
          expect(match(tx(content), [{ id: 'ord_1', code }])).toEqual({ orderId: 'ord_1', matchedBy: 'payment_code' });
        },
      ),
    );
  });

  it('never matches on amount alone or on a code that belongs to no order', () => {
    fc.assert(
      fc.property(codeArb, codeArb, fc.string({ maxLength: 40 }), (mine, other, text) => {
        fc.pre(mine !== other && !findPaymentCodes(text).includes(mine));
        expect(match(tx(`${text} ${other}`), [{ id: 'ord_1', code: mine }])).toBeNull();
      }),
    );
  });

  it('prefers the provider reference, then the virtual account, then the code', () => {
    const orders = [
      { id: 'ord_ref', code: 'QRAAAAAAA', reference: 'R1' },
      { id: 'ord_va', code: 'QRBBBBBBB', va: 'VA1' },
      { id: 'ord_code', code: 'QRCCCCCCC' },
    ];
    const content = 'QRCCCCCCC';
    expect(match(tx(content, { reference: 'R1', va: 'VA1' }), orders)).toEqual({ orderId: 'ord_ref', matchedBy: 'reference' });
    expect(match(tx(content, { reference: 'nope', va: 'VA1' }), orders)).toEqual({ orderId: 'ord_va', matchedBy: 'virtual_account' });
    expect(match(tx(content, { reference: 'nope', va: 'nope' }), orders)).toEqual({ orderId: 'ord_code', matchedBy: 'payment_code' });
  });

  it("a provider reference or virtual account of another provider account is not this feed's", () => {
    const orders = [{ id: 'ord_ref', code: 'QRAAAAAAA', reference: 'R1', va: 'VA1', account: 'pa_other' }];
    expect(match(tx('no code', { reference: 'R1', va: 'VA1' }), orders)).toBeNull();
    expect(match(tx('no code', { reference: 'R1', account: 'pa_other' }), orders)?.orderId).toBe('ord_ref');
  });

  it('takes the earliest code in the content that belongs to an order', () => {
    const orders = [
      { id: 'ord_2', code: 'QR2222222' },
      { id: 'ord_3', code: 'QR3333333' },
    ];
    expect(match(tx('QRZZZZZZZ then QR3333333 then QR2222222'), orders)?.orderId).toBe('ord_3');
  });
});
