import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallbackError } from '../../../src/providers/inbound/errors';
import type { ProviderAccount } from '../../../src/providers/types';
import { issueCallbackToken, verifyCallbackToken } from '../../../src/providers/vietqr/callback-token';
import {
  checkBasicAuth,
  parseVietqrSync,
  readBasicAuth,
  readBearer,
  syncFailure,
  syncSuccess,
  tokenBinding,
  tokenSuccess,
  verifyVietqrBearer,
} from '../../../src/providers/vietqr/hook';
import { vectors } from '../../fixtures/inbound-reference';

const SECRETS_KEY = btoa('0123456789abcdef0123456789abcdef');
const OTHER_SECRETS_KEY = btoa('fedcba9876543210fedcba9876543210');
const now = new Date('2026-05-01T10:00:00Z');
const sample = vectors.vietqr_transaction_sync.body;
// VietQR writes the amount as 25000.0, which JSON.stringify would not.
const raw = JSON.stringify(sample).replace('"amount":25000,', '"amount":25000.0,');
const basic = (user: string, pass: string) => `Basic ${btoa(`${user}:${pass}`)}`;

describe('VietQR token_generate: Basic credentials', () => {
  const expected = { username: 'cb-user', password: 'p@ss:word' };

  it('accepts the registered username and password (a colon inside the password too)', () => {
    const presented = readBasicAuth(basic('cb-user', 'p@ss:word'));
    expect(presented).toEqual(expected);
    expect(() => checkBasicAuth(presented, expected)).not.toThrow();
  });

  it('refuses a wrong username or password, or an account without them', () => {
    for (const [user, pass] of [
      ['cb-user', 'p@ss:wore'],
      ['cb-usex', 'p@ss:word'],
      ['', ''],
      ['cb-user', ''],
    ]) {
      expect(() => checkBasicAuth(readBasicAuth(basic(user ?? '', pass ?? '')), expected)).toThrow(
        expect.objectContaining({ status: 401 }),
      );
    }
    expect(() => checkBasicAuth({ username: '', password: '' }, { username: null, password: null })).toThrow(
      expect.objectContaining({ status: 401 }),
    );
  });

  it('refuses a missing or malformed Authorization header', () => {
    for (const header of [undefined, '', 'Bearer abc', 'Basic', 'Basic !!!', `Basic ${btoa('no-colon')}`]) {
      expect(() => readBasicAuth(header), String(header)).toThrow(expect.objectContaining({ status: 401, code: 'INVALID_AUTH_HEADER' }));
    }
  });

  it('answers with a Bearer token valid 300 s', async () => {
    const res = tokenSuccess('tok');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ access_token: 'tok', token_type: 'Bearer', expires_in: 300 });
  });
});

describe('VietQR callback bearer token', () => {
  const BOUND = 'cb-user:cb-password-0123456789';
  it('is valid for 300 s, for the account and the callback credentials it was issued under only', async () => {
    const token = await issueCallbackToken(SECRETS_KEY, 'pa_one', BOUND, now);
    expect(token.length).toBeGreaterThanOrEqual(16);
    expect(await verifyCallbackToken(SECRETS_KEY, 'pa_one', BOUND, token, now)).toBe(true);
    expect(await verifyCallbackToken(SECRETS_KEY, 'pa_one', BOUND, token, new Date(now.getTime() + 299_000))).toBe(true);
    expect(await verifyCallbackToken(SECRETS_KEY, 'pa_one', BOUND, token, new Date(now.getTime() + 300_000))).toBe(false);
    expect(await verifyCallbackToken(SECRETS_KEY, 'pa_two', BOUND, token, now)).toBe(false);
    expect(await verifyCallbackToken(OTHER_SECRETS_KEY, 'pa_one', BOUND, token, now)).toBe(false);
    // Rotated callback credentials (PATCH): the tokens issued under the old ones stop working.
    expect(await verifyCallbackToken(SECRETS_KEY, 'pa_one', 'cb-user:cb-password-rotated-9876', token, now)).toBe(false);
    expect(await verifyCallbackToken(SECRETS_KEY, 'pa_one', 'cb-user2:cb-password-0123456789', token, now)).toBe(false);
  });

  it('every token is different and no tampered token passes (property)', async () => {
    const token = await issueCallbackToken(SECRETS_KEY, 'pa_one', BOUND, now);
    expect(await issueCallbackToken(SECRETS_KEY, 'pa_one', BOUND, now)).not.toBe(token);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: token.length - 1 }),
        fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.'),
        async (at, char) => {
          fc.pre(token[at] !== char);
          const tampered = token.slice(0, at) + char + token.slice(at + 1);
          expect(await verifyCallbackToken(SECRETS_KEY, 'pa_one', BOUND, tampered, now)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('transaction-sync reads Bearer and refuses a token we did not issue, or issued under other credentials', async () => {
    const account = {
      id: 'pa_one',
      config: {},
      credentials: { callbackUsername: 'cb-user', callbackPassword: 'cb-password-0123456789' },
    } as unknown as ProviderAccount;
    expect(tokenBinding(account)).toBe(BOUND);
    const token = await issueCallbackToken(SECRETS_KEY, 'pa_one', tokenBinding(account), now);
    expect(readBearer(`Bearer ${token}`)).toBe(token);
    await expect(verifyVietqrBearer(token, SECRETS_KEY, account, now)).resolves.toBeUndefined();
    await expect(verifyVietqrBearer('not-a-token-we-issued', SECRETS_KEY, account, now)).rejects.toMatchObject({
      status: 401,
      code: 'INVALID_TOKEN',
    });
    const rotated = { ...account, credentials: { ...account.credentials, callbackPassword: 'cb-password-rotated-9876' } };
    await expect(verifyVietqrBearer(token, SECRETS_KEY, rotated, now)).rejects.toMatchObject({ status: 401, code: 'INVALID_TOKEN' });
    for (const header of [undefined, '', 'Bearer', `Basic ${token}`]) {
      expect(() => readBearer(header)).toThrow(expect.objectContaining({ status: 401, code: 'INVALID_AUTH_HEADER' }));
    }
  });
});

describe('VietQR transaction-sync body', () => {
  it('normalizes the real callback (amount 25000.0, epoch ms, orderId "")', () => {
    expect(parseVietqrSync(raw, 'pa_vq', now)).toEqual({
      transactions: [
        {
          provider: 'vietqr',
          providerAccountId: 'pa_vq',
          providerTransactionId: 'c0e43e2c-75b8-4c7f-8826-b72945d89a9f',
          amount: 25000,
          content: 'QR VQR712a7d45ea DU5gUz Ma giao dich Trace756759 Trace 756759',
          bankReference: 'FT26008507756020',
          accountNumber: '2625081990',
          virtualAccount: null,
          providerReference: null,
          counterAccount: null,
          occurredAt: '2026-01-08T03:56:00.000Z',
          raw,
        },
      ],
      ignored: [],
    });
  });

  it('carries orderId as the provider reference when VietQR echoes it', () => {
    const body = JSON.stringify({ ...sample, orderId: 'ORD12345', transType: 'C' });
    expect(parseVietqrSync(body, 'pa_vq', now).transactions[0]?.providerReference).toBe('ORD12345');
  });

  it('a debit (transType "D") is acknowledged and ignored under VietQR\'s own transaction id', () => {
    const body = JSON.stringify({ ...sample, transType: 'D' });
    expect(parseVietqrSync(body, 'pa_vq', now)).toEqual({
      transactions: [],
      ignored: [{ providerTransactionId: sample.transactionid, reason: 'transType D' }],
    });
  });

  it('malformed bodies are 400', () => {
    const bodies = [
      '',
      'nope',
      '[]',
      JSON.stringify({ ...sample, transactionid: '' }),
      JSON.stringify({ ...sample, amount: 'lots' }),
      JSON.stringify({ ...sample, transType: 'X' }),
    ];
    for (const body of bodies) expect(() => parseVietqrSync(body, 'pa_vq', now), body).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('an out-of-range time, amount or id is 400 (a time past the last Date used to be a 500 forever)', () => {
    const outOfRange = [
      { transactiontime: 9_000_000_000_000_000 },
      { transactiontime: 8_640_000_000_000_001 },
      { transactiontime: Date.UTC(2019, 11, 31) },
      { transactiontime: now.getTime() + 2 * 86_400_000 },
      { transactiontime: -1 },
      { transactiontime: 1.5 },
      { transactiontime: '1e21' },
      { amount: 1e21 },
      { amount: 10 ** 13 + 1 },
      { amount: 25_000.5 },
      { amount: '25000.50' },
      { transactionid: 'x'.repeat(129) },
      { transactionid: 2 ** 53 },
    ];
    for (const fields of outOfRange) {
      const body = JSON.stringify({ ...sample, ...fields });
      expect(() => parseVietqrSync(body, 'pa_vq', now), body).toThrow(expect.objectContaining({ status: 400, code: 'INVALID_BODY' }));
    }
    // The bounds themselves are fine; zero and negative amounts are "not incoming money", acknowledged and ignored.
    expect(parseVietqrSync(JSON.stringify({ ...sample, amount: 10 ** 13 }), 'pa_vq', now).transactions).toHaveLength(1);
    for (const amount of [0, -5_000, -1e21]) {
      expect(parseVietqrSync(JSON.stringify({ ...sample, amount }), 'pa_vq', now)).toMatchObject({ transactions: [], ignored: [{}] });
    }
  });

  it('round trip (property): the fields VietQR sends come back', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.integer({ min: 1, max: 500_000_000 }),
        fc.string({ maxLength: 60 }),
        // From 2020 to a day ahead: the times a callback may carry (CONTRACT §6).
        fc.integer({ min: Date.UTC(2020, 0, 1), max: now.getTime() + 86_400_000 }),
        fc.boolean(),
        (id, amount, content, time, decimal) => {
          const text = JSON.stringify({ transactionid: id, transactiontime: time, amount, content, transType: 'C' });
          const body = decimal ? text.replace(`"amount":${amount},`, `"amount":${amount}.0,`) : text;
          expect(parseVietqrSync(body, 'pa_vq', now).transactions[0]).toMatchObject({
            providerTransactionId: id,
            amount,
            content,
            occurredAt: new Date(time).toISOString(),
          });
        },
      ),
    );
  });
});

describe('VietQR transaction-sync answers', () => {
  it('success carries our payment id as reftransactionid', async () => {
    const res = syncSuccess('pay_123');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ error: false, errorReason: null, toastMessage: '', object: { reftransactionid: 'pay_123' } });
  });

  it('failure is {error:true, errorReason, toastMessage, object:null} with the status', async () => {
    const res = syncFailure(new CallbackError(401, 'INVALID_TOKEN', 'the bearer token is unknown or expired'));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: true,
      errorReason: 'INVALID_TOKEN',
      toastMessage: 'the bearer token is unknown or expired',
      object: null,
    });
  });
});
