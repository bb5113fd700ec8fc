import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBankhub, verifyBankhubToken } from '../../../src/providers/bankhub/hook';
import { flipBit, vectors } from '../../fixtures/inbound-reference';

const sample = vectors.bankhub_transactions_webhook.body;
const raw = JSON.stringify(sample);
const now = new Date('2026-01-01T00:00:00Z');

describe('BankHub URL token', () => {
  const token = 'q3v8k2m9x7c4r6t1w5z0y8n2b4d6f8h1';

  it("accepts the account's token and nothing else", () => {
    expect(() => verifyBankhubToken(token, token)).not.toThrow();
    for (const presented of [flipBit(token, 0), flipBit(token, token.length - 1), `${token}x`, token.slice(1), '', undefined]) {
      expect(() => verifyBankhubToken(presented, token), String(presented)).toThrow(expect.objectContaining({ status: 401 }));
    }
  });

  it('an account without a token accepts nothing', () => {
    expect(() => verifyBankhubToken('', null)).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => verifyBankhubToken('x', null)).toThrow(expect.objectContaining({ status: 401 }));
  });
});

describe('BankHub TRANSACTIONS webhook', () => {
  it('normalizes the published sample (numeric accountNumber, +07:00 time, paymentMeta reference)', () => {
    expect(parseBankhub(raw, 'pa_bh', now)).toEqual({
      transactions: [
        {
          provider: 'bankhub',
          providerAccountId: 'pa_bh',
          providerTransactionId: '3cacecf6935011ee952542010a400022',
          amount: 10000,
          content: 'CSP5BXM10C5 test',
          bankReference: 'FT23339WL0MW\\BNK',
          accountNumber: '867623232',
          virtualAccount: 'CASD0867623232',
          providerReference: 'm9nTyCFrVZubG',
          counterAccount: null,
          occurredAt: '2023-12-05T09:25:00.000Z',
          raw,
        },
      ],
      ignored: [],
    });
  });

  it('an empty paymentMeta (BankHub sandbox) leaves no provider reference, the virtual account still there', () => {
    const body = JSON.stringify({ ...sample, transaction: { ...sample.transaction, paymentMeta: {} } });
    expect(parseBankhub(body, 'pa_bh', now).transactions[0]).toMatchObject({ providerReference: null, virtualAccount: 'CASD0867623232' });
  });

  it('other webhook types (GRANT) are acknowledged and ignored', () => {
    const grant = JSON.stringify({
      environment: 'dev',
      webhookType: 'GRANT',
      webhookCode: 'USER_PERMISSION_REVOKED',
      grantId: 'g',
      error: null,
    });
    expect(parseBankhub(grant, 'pa_bh', now)).toEqual({
      transactions: [],
      ignored: [{ providerTransactionId: null, reason: 'webhookType GRANT' }],
    });
  });

  it('outgoing money is ignored', () => {
    const body = JSON.stringify({ ...sample, transaction: { ...sample.transaction, amount: -10000 } });
    expect(parseBankhub(body, 'pa_bh', now).transactions).toEqual([]);
  });

  it('a body without webhookType, or a TRANSACTIONS body without a usable transaction, is malformed (400)', () => {
    const { webhookType: _, ...noType } = sample;
    const bodies = [
      JSON.stringify(noType),
      'not json',
      '[]',
      JSON.stringify({ ...sample, transaction: null }),
      JSON.stringify({ ...sample, transaction: { ...sample.transaction, id: '' } }),
      JSON.stringify({ ...sample, transaction: { ...sample.transaction, amount: '1e4' } }),
    ];
    for (const body of bodies) expect(() => parseBankhub(body, 'pa_bh', now), body).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('round trip (property): whatever transaction BankHub sends comes back field for field', () => {
    fc.assert(
      fc.property(
        fc.record({
          id: fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), fc.integer({ min: 0, max: 2 ** 40 })),
          amount: fc.integer({ min: 1, max: 500_000_000 }),
          description: fc.string({ maxLength: 80 }),
          accountNumber: fc.oneof(fc.stringMatching(/^\d{6,19}$/), fc.integer({ min: 100_000, max: 2 ** 40 })),
          referenceNumber: fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,20}$/), { nil: undefined }),
          // From 2020 to a day ahead: the times a callback may carry (CONTRACT §6).
          at: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date(now.getTime() + 86_400_000), noInvalidDate: true }),
        }),
        ({ id, amount, description, accountNumber, referenceNumber, at }) => {
          const seconds = new Date(Math.floor(at.getTime() / 1000) * 1000);
          const local = new Date(seconds.getTime() + 7 * 3600_000).toISOString().slice(0, 19);
          const body = JSON.stringify({
            webhookType: 'TRANSACTIONS',
            transaction: {
              id,
              amount,
              description,
              accountNumber,
              transactionDateTime: `${local}+07:00`,
              paymentMeta: referenceNumber ? { referenceNumber } : {},
            },
          });
          expect(parseBankhub(body, 'pa_bh', now).transactions[0]).toMatchObject({
            providerTransactionId: String(id),
            amount,
            content: description,
            accountNumber: String(accountNumber),
            providerReference: referenceNumber ?? null,
            occurredAt: seconds.toISOString(),
          });
        },
      ),
    );
  });
});
