import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPaymentCodes } from '../../../src/ledger/payment-code';
import { newPaymentCode } from '../../../src/orders/payment-code';

describe('payment codes', () => {
  it('are QR + 7 characters without 0/O/1/I', () => {
    for (let i = 0; i < 2000; i++) expect(newPaymentCode()).toMatch(/^QR[A-HJ-NP-Z2-9]{7}$/);
  });

  it('use every character of the alphabet (no bias towards a subset)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) for (const char of newPaymentCode().slice(2)) seen.add(char);
    expect(seen.size).toBe(32);
  });

  it('are found again in any transfer content that carries them, however the bank decorates it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.boolean(), (before, after, lower) => {
        const code = newPaymentCode();
        const content = `${before} ${lower ? code.toLowerCase() : code} ${after}`;
        expect(findPaymentCodes(content)).toContain(code);
      }),
    );
  });
});
