import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../fixtures/app';
import { BANKHUB_LINK, FAKE_ACCOUNTS, FAKE_BASE, installFakeProvider } from '../fixtures/fake-provider';
import { newMerchant } from '../fixtures/merchant';

let fake: ReturnType<typeof installFakeProvider>;
beforeEach(() => {
  fake = installFakeProvider();
});
afterEach(() => fake.restore());

const client = { clientId: FAKE_ACCOUNTS.bankhub.clientId, secretKey: FAKE_ACCOUNTS.bankhub.secretKey, baseUrl: FAKE_BASE };

describe('BankHub linking', () => {
  it('link answers the grant token and a Link URL carrying it', async () => {
    const merchant = await newMerchant();
    const res = await merchant.api('POST', '/v1/provider-accounts/bankhub/link', { ...client, redirectUri: 'https://shop.example/return' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.grantToken).toBe('grant-token-1');
    const url = new URL(res.body.linkUrl);
    expect(url.searchParams.get('grantToken')).toBe('grant-token-1');
    expect(url.searchParams.get('redirectUri')).toBe('https://shop.example/return');
    expect(fake.seen[0]?.json).toMatchObject({ scopes: 'qrpay', redirectUri: 'https://shop.example/return' });
  });

  it('exchange of a healthy grant creates an account whose orders use the new access token', async () => {
    const merchant = await newMerchant();
    const res = await merchant.api('POST', '/v1/provider-accounts/bankhub/exchange', { ...client, publicToken: BANKHUB_LINK.publicToken });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ provider: 'bankhub', createsQr: true });
    expect(res.body.id).toMatch(/^pa_/);
    expect(res.body.webhookUrls.transactions).toMatch(new RegExp(`/hooks/bankhub/${res.body.id}/`));
    expect(fake.paths()).toEqual(['/grant/exchange', '/qr-pay/identity']);

    const order = await merchant.order({ providerAccountId: res.body.id });
    expect(order.provider).toBe('bankhub');
    expect(fake.qrRequests()[0]?.headers.authorization).toBe(FAKE_ACCOUNTS.bankhub.accessToken);
  });

  it('exchange of a revoked grant removes it at BankHub, answers 422 and creates nothing', async () => {
    const merchant = await newMerchant();
    const res = await merchant.api('POST', '/v1/provider-accounts/bankhub/exchange', {
      ...client,
      publicToken: BANKHUB_LINK.revokedPublicToken,
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(fake.paths()).toEqual(['/grant/exchange', '/qr-pay/identity', '/grant/remove']);
    expect(fake.seen[2]?.json).toEqual({ grantId: BANKHUB_LINK.revokedGrantId });
    const accounts = await merchant.api('GET', '/v1/provider-accounts');
    expect(accounts.body.data).toHaveLength(0);
  });

  it('exchange with a public token BankHub does not know is 422', async () => {
    const merchant = await newMerchant();
    const res = await merchant.api('POST', '/v1/provider-accounts/bankhub/exchange', { ...client, publicToken: 'made-up' });
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('publicToken is invalid');
  });

  it('rejects unknown fields and missing ones with 422 before calling BankHub', async () => {
    const merchant = await newMerchant();
    const extra = await merchant.api('POST', '/v1/provider-accounts/bankhub/link', {
      ...client,
      redirectUri: 'https://shop.example/r',
      scope: 'x',
    });
    expect(extra.status).toBe(422);
    const missing = await merchant.api('POST', '/v1/provider-accounts/bankhub/exchange', { clientId: 'x', secretKey: 'y' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toContain('publicToken');
    expect(fake.seen).toHaveLength(0);
  });

  it('requires the merchant API key', async () => {
    const res = await call('POST', '/v1/provider-accounts/bankhub/link', { body: { ...client, redirectUri: 'https://shop.example/r' } });
    expect(res.status).toBe(401);
  });

  it('documents both routes in the OpenAPI document', async () => {
    const doc = (await call('GET', '/openapi.json')).body;
    expect(doc.paths['/v1/provider-accounts/bankhub/link']?.post).toBeDefined();
    expect(doc.paths['/v1/provider-accounts/bankhub/exchange']?.post).toBeDefined();
  });
});
