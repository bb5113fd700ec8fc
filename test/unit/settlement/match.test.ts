import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MatchLookups, matchTransaction } from '../../../src/settlement/match';
import { findPaymentCodes, normalizeContent, PAYMENT_CODE_ALPHABET } from '../../../src/settlement/payment-code';

const codeArb = fc.string({ unit: fc.constantFrom(...PAYMENT_CODE_ALPHABET), minLength: 7, maxLength: 7 }).map((s) => `QR${s}`);

function lookups(orders: { id: string; code: string; reference?: string; va?: string }[]): MatchLookups {
  return {
    byProviderReference: async (ref) => orders.find((o) => o.reference === ref)?.id ?? null,
    byVirtualAccount: async (va) => orders.find((o) => o.va === va)?.id ?? null,
    byPaymentCodes: async (codes) => new Map(orders.filter((o) => codes.includes(o.code)).map((o) => [o.code, o.id])),
  };
}

/** How banks mangle a code: lower case, spaces or dots inside, diacritics and noise around it. */
const mangle = (code: string, cut: number, sep: string) => `${code.slice(0, cut).toLowerCase()}${sep}${code.slice(cut).toLowerCase()}`;

describe('normalizeContent', () => {
  it('uppercases, folds Vietnamese diacritics (đ → D) and keeps only A-Z0-9', () => {
    expect(normalizeContent('Thanh toán đơn QR7k3m 9xt!')).toBe('THANHTOANDONQR7K3M9XT');
  });
});

describe('matchTransaction', () => {
  it('finds a payment code however the bank mangles it', async () => {
    await fc.assert(
      fc.asyncProperty(
        codeArb,
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(' ', '.', '-', ' . ', ''),
        fc.string({ maxLength: 20 }),
        async (code, cut, sep, noise) => {
          const content = `MBVCB.3278907687.${mangle(code, cut, sep)}.CT tu ${noise.replace(/[a-z0-9]/gi, ' ')}`;
          const match = await matchTransaction(
            { content, providerReference: null, virtualAccount: null },
            lookups([{ id: 'ord_1', code }]),
          );
          expect(match).toEqual({ orderId: 'ord_1', matchedBy: 'payment_code' });
        },
      ),
    );
  });

  it('never matches on amount alone or on a code that belongs to no order', async () => {
    await fc.assert(
      fc.asyncProperty(codeArb, codeArb, fc.string({ maxLength: 40 }), async (mine, other, text) => {
        fc.pre(mine !== other && !findPaymentCodes(text).includes(mine));
        const match = await matchTransaction(
          { content: `${text} ${other}`, providerReference: null, virtualAccount: null },
          lookups([{ id: 'ord_1', code: mine }]),
        );
        expect(match).toBeNull();
      }),
    );
  });

  it('prefers the provider reference, then the virtual account, then the code', async () => {
    const orders = [
      { id: 'ord_ref', code: 'QRAAAAAAA', reference: 'R1' },
      { id: 'ord_va', code: 'QRBBBBBBB', va: 'VA1' },
      { id: 'ord_code', code: 'QRCCCCCCC' },
    ];
    const content = 'QRCCCCCCC';
    expect(await matchTransaction({ content, providerReference: 'R1', virtualAccount: 'VA1' }, lookups(orders))).toEqual({
      orderId: 'ord_ref',
      matchedBy: 'reference',
    });
    expect(await matchTransaction({ content, providerReference: 'nope', virtualAccount: 'VA1' }, lookups(orders))).toEqual({
      orderId: 'ord_va',
      matchedBy: 'virtual_account',
    });
    expect(await matchTransaction({ content, providerReference: 'nope', virtualAccount: 'nope' }, lookups(orders))).toEqual({
      orderId: 'ord_code',
      matchedBy: 'payment_code',
    });
  });

  it('takes the earliest code in the content that belongs to an order', async () => {
    const orders = [
      { id: 'ord_2', code: 'QR2222222' },
      { id: 'ord_3', code: 'QR3333333' },
    ];
    const match = await matchTransaction(
      { content: 'QRZZZZZZZ then QR3333333 then QR2222222', providerReference: null, virtualAccount: null },
      lookups(orders),
    );
    expect(match?.orderId).toBe('ord_3');
  });
});
