import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newEndpointSecret, signWebhook } from '../../../src/delivery/sign';

const now = () => Math.floor(Date.now() / 1000);

describe('signWebhook (Standard Webhooks)', () => {
  it('produces headers the reference library verifies', async () => {
    const secret = newEndpointSecret();
    const body = JSON.stringify({ id: 'evt_1', type: 'order.paid', note: 'Thanh toán đơn hàng' });
    const headers = await signWebhook({ id: 'evt_1', timestamp: now(), body, secrets: [secret] });
    expect(headers['content-type']).toBe('application/json');
    expect(headers['webhook-id']).toBe('evt_1');
    expect(headers['webhook-timestamp']).toMatch(/^\d+$/);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('during a rotation overlap signs twice, and each secret verifies on its own', async () => {
    const [current, previous] = [newEndpointSecret(), newEndpointSecret()];
    const body = '{"id":"evt_2"}';
    const headers = await signWebhook({ id: 'evt_2', timestamp: now(), body, secrets: [current, previous] });
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(newEndpointSecret()).verify(body, headers)).toThrow(/No matching signature/);
  });

  it('a changed body, id or timestamp no longer verifies', async () => {
    const secret = newEndpointSecret();
    const headers = await signWebhook({ id: 'evt_3', timestamp: now(), body: '{"a":1}', secrets: [secret] });
    const hook = new Webhook(secret);
    expect(() => hook.verify('{"a":2}', headers)).toThrow();
    expect(() => hook.verify('{"a":1}', { ...headers, 'webhook-id': 'evt_4' })).toThrow();
    expect(() => hook.verify('{"a":1}', { ...headers, 'webhook-timestamp': String(now() - 1) })).toThrow();
  });

  it('matches the reference signer for any id, time and body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), fc.integer({ min: 0, max: 2 ** 32 }), fc.string(), async (id, timestamp, body) => {
        const secret = newEndpointSecret();
        const headers = await signWebhook({ id, timestamp, body, secrets: [secret] });
        expect(headers['webhook-signature']).toBe(new Webhook(secret).sign(id, new Date(timestamp * 1000), body));
        expect(headers['webhook-timestamp']).toBe(String(timestamp));
      }),
      { numRuns: 50 },
    );
  });

  it('refuses to sign without a secret or with a malformed one', async () => {
    await expect(signWebhook({ id: 'evt', timestamp: now(), body: '{}', secrets: [] })).rejects.toThrow();
    await expect(signWebhook({ id: 'evt', timestamp: now(), body: '{}', secrets: ['sk_nope'] })).rejects.toThrow(/whsec_/);
  });
});

describe('newEndpointSecret', () => {
  it('is whsec_ + base64 of 32 random bytes, fresh every time', () => {
    const secrets = Array.from({ length: 20 }, newEndpointSecret);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(atob(secret.slice(6))).toHaveLength(32);
    }
    expect(new Set(secrets).size).toBe(20);
  });
});
