import { env } from 'cloudflare:workers';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app';
import { type EndpointRow, listActiveEndpoints, recoverableDeliveryIds } from '../../src/db/endpoints';
import { signingSecrets } from '../../src/delivery/endpoint-secrets';
import { signWebhook } from '../../src/delivery/sign';
import { call, type Json } from '../fixtures/app';
import { newMerchant, type TestMerchant } from '../fixtures/merchant';

const HOOK = 'https://shop.example.com/webhooks/vietqr';

async function createEndpoint(merchant: TestMerchant, body: Record<string, unknown> = { url: HOOK, eventTypes: null }) {
  const res = await merchant.api('POST', '/v1/endpoints', body);
  expect(res.status, res.text).toBe(201);
  return res.body as Json;
}

const storedRow = (id: string) => env.DB.prepare('SELECT * FROM endpoints WHERE id = ?').bind(id).first<EndpointRow>();

function expectValidationError(res: { status: number; headers: Headers; body: Json }, path: string) {
  expect(res.status).toBe(422);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
}

describe('POST /v1/endpoints', () => {
  it('creates an endpoint and shows its secret once, stored sealed', async () => {
    const merchant = await newMerchant();
    const created = await createEndpoint(merchant, { url: HOOK, eventTypes: ['order.paid', 'payment.received'], description: 'shop' });
    expect(created).toEqual({
      id: expect.stringMatching(/^ep_[0-9a-z]{26}$/),
      url: HOOK,
      eventTypes: ['order.paid', 'payment.received'],
      enabled: true,
      description: 'shop',
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    const row = await storedRow(created.id);
    expect(row?.secret).not.toContain(created.secret.slice(6));
    expect(row?.merchant_id).toBe(merchant.id);
  });

  it('eventTypes null or left out means every type; duplicates collapse', async () => {
    const merchant = await newMerchant();
    expect((await createEndpoint(merchant, { url: HOOK })).eventTypes).toBeNull();
    expect((await createEndpoint(merchant, { url: HOOK, eventTypes: null })).eventTypes).toBeNull();
    expect((await createEndpoint(merchant, { url: HOOK, eventTypes: ['order.paid', 'order.paid'] })).eventTypes).toEqual(['order.paid']);
  });

  it('rejects bad urls, event types and unknown fields with 422, creating nothing', async () => {
    const merchant = await newMerchant();
    const post = (body: unknown) => merchant.api('POST', '/v1/endpoints', body);
    for (const url of [
      'not a url',
      'ftp://example.com/hook',
      'http://shop.example.com/hook',
      'https://localhost/hook',
      'https://127.0.0.1/hook',
      'https://[::1]/hook',
      'https://10.0.0.8/hook',
      'https://db.internal/hook',
      '',
    ]) {
      expectValidationError(await post({ url, eventTypes: null }), 'url');
    }
    expectValidationError(await post({ url: HOOK, eventTypes: ['order.shipped'] }), 'eventTypes.0');
    expectValidationError(await post({ url: HOOK, eventTypes: [] }), 'eventTypes');
    expectValidationError(await post({ url: HOOK, eventTypes: 'order.paid' }), 'eventTypes');
    expectValidationError(await post({ url: HOOK, eventTypes: null, secret: 'whsec_mine' }), 'secret');
    expectValidationError(await post({ eventTypes: null }), 'url');
    expect((await merchant.api('GET', '/v1/endpoints')).body.data).toEqual([]);
  });

  it('the url message says why', async () => {
    const merchant = await newMerchant();
    const res = await merchant.api('POST', '/v1/endpoints', { url: 'http://shop.example.com/hook', eventTypes: null });
    expect(res.body.errors).toEqual([{ path: 'url', message: 'Endpoint URL must be an https URL' }]);
  });

  it('ALLOW_PRIVATE_ENDPOINTS=true lets http and private hosts through', async () => {
    const merchant = await newMerchant();
    const devEnv = { ...env, ALLOW_PRIVATE_ENDPOINTS: 'true' };
    const post = (url: string) =>
      app.fetch(
        new Request('https://router.test/v1/endpoints', {
          method: 'POST',
          headers: { authorization: `Bearer ${merchant.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ url, eventTypes: null }),
        }),
        devEnv,
      );
    for (const url of ['http://127.0.0.1:8788/webhook', 'http://localhost:3000/hook', 'https://192.168.1.10/hook']) {
      expect((await post(url)).status, url).toBe(201);
    }
    expect((await post('ftp://127.0.0.1/hook')).status).toBe(422);
  });

  it('honours Idempotency-Key: the same request returns the same endpoint and secret', async () => {
    const merchant = await newMerchant();
    const headers = { 'idempotency-key': `ep-${crypto.randomUUID()}` };
    const first = await merchant.api('POST', '/v1/endpoints', { url: HOOK, eventTypes: null }, headers);
    const again = await merchant.api('POST', '/v1/endpoints', { url: HOOK, eventTypes: null }, headers);
    expect(first.status).toBe(201);
    expect([again.status, again.body]).toEqual([201, first.body]);
    expect((await merchant.api('GET', '/v1/endpoints')).body.data).toHaveLength(1);
  });
});

describe('reading endpoints', () => {
  it('GET one and the list never show the secret; GET …/secret does', async () => {
    const merchant = await newMerchant();
    const created = await createEndpoint(merchant);
    const { secret, ...publicView } = created;
    const one = await merchant.api('GET', `/v1/endpoints/${created.id}`);
    expect([one.status, one.body]).toEqual([200, publicView]);
    const list = await merchant.api('GET', '/v1/endpoints');
    expect(list.body).toEqual({ data: [publicView], nextCursor: null });
    expect(one.text + list.text).not.toContain(secret.slice(6));
    const shown = await merchant.api('GET', `/v1/endpoints/${created.id}/secret`);
    expect([shown.status, shown.body]).toEqual([200, { secret }]);
  });

  it('lists newest first, a page at a time', async () => {
    const merchant = await newMerchant();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createEndpoint(merchant, { url: `${HOOK}/${i}`, eventTypes: null })).id);
    const first = await merchant.api('GET', '/v1/endpoints?limit=2');
    expect(first.body.data.map((e: Json) => e.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await merchant.api('GET', `/v1/endpoints?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body).toEqual({ data: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    expectValidationError(await merchant.api('GET', '/v1/endpoints?limit=0'), 'limit');
    expectValidationError(await merchant.api('GET', '/v1/endpoints?cursor=garbage'), 'cursor');
  });

  it('an unknown id is 404', async () => {
    const merchant = await newMerchant();
    const res = await merchant.api('GET', '/v1/endpoints/ep_doesnotexist000000000000');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('PATCH /v1/endpoints/{id}', () => {
  it('changes url, event types, description and enabled', async () => {
    const merchant = await newMerchant();
    const created = await createEndpoint(merchant);
    const patch = { url: `${HOOK}/v2`, eventTypes: ['order.paid'], enabled: false, description: 'orders only' };
    const res = await merchant.api('PATCH', `/v1/endpoints/${created.id}`, patch);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...created, ...patch, secret: undefined });
    expect((await merchant.api('GET', `/v1/endpoints/${created.id}`)).body).toEqual(res.body);
    const cleared = await merchant.api('PATCH', `/v1/endpoints/${created.id}`, { eventTypes: null, description: null });
    expect([cleared.body.eventTypes, cleared.body.description, cleared.body.url]).toEqual([null, null, patch.url]);
  });

  it('an empty patch changes nothing', async () => {
    const merchant = await newMerchant();
    const { secret, ...created } = await createEndpoint(merchant);
    expect((await merchant.api('PATCH', `/v1/endpoints/${created.id}`, {})).body).toEqual(created);
  });

  it('validates like create', async () => {
    const merchant = await newMerchant();
    const created = await createEndpoint(merchant);
    const patch = (body: unknown) => merchant.api('PATCH', `/v1/endpoints/${created.id}`, body);
    expectValidationError(await patch({ url: 'http://shop.example.com/' }), 'url');
    expectValidationError(await patch({ eventTypes: ['order.shipped'] }), 'eventTypes.0');
    expectValidationError(await patch({ enabled: 'yes' }), 'enabled');
    expectValidationError(await patch({ secret: 'x' }), 'secret');
    expect((await merchant.api('GET', `/v1/endpoints/${created.id}`)).body.url).toBe(HOOK);
  });

  it('disabling stamps the time; re-enabling clears the failure state', async () => {
    const merchant = await newMerchant();
    const created = await createEndpoint(merchant);
    await merchant.api('PATCH', `/v1/endpoints/${created.id}`, { enabled: false });
    expect((await storedRow(created.id))?.disabled_at).toEqual(expect.any(String));
    await env.DB.prepare('UPDATE endpoints SET failing_since = ? WHERE id = ?').bind('2026-01-01T00:00:00.000Z', created.id).run();
    const res = await merchant.api('PATCH', `/v1/endpoints/${created.id}`, { enabled: true });
    expect(res.body.enabled).toBe(true);
    const row = await storedRow(created.id);
    expect([row?.enabled, row?.disabled_at, row?.failing_since]).toEqual([1, null, null]);
  });

  it('leaves the failure clock of an endpoint that stays enabled alone', async () => {
    const merchant = await newMerchant();
    const created = await createEndpoint(merchant);
    await env.DB.prepare('UPDATE endpoints SET failing_since = ? WHERE id = ?').bind('2026-01-01T00:00:00.000Z', created.id).run();
    await merchant.api('PATCH', `/v1/endpoints/${created.id}`, { enabled: true, description: 'still failing' });
    expect((await storedRow(created.id))?.failing_since).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('DELETE /v1/endpoints/{id}', () => {
  it('is 204, then the endpoint is gone from every read, and a second delete is 404', async () => {
    const merchant = await newMerchant();
    const kept = await createEndpoint(merchant);
    const created = await createEndpoint(merchant);
    const res = await merchant.api('DELETE', `/v1/endpoints/${created.id}`);
    expect([res.status, res.text]).toEqual([204, '']);
    expect((await merchant.api('GET', `/v1/endpoints/${created.id}`)).status).toBe(404);
    expect((await merchant.api('GET', `/v1/endpoints/${created.id}/secret`)).status).toBe(404);
    expect((await merchant.api('GET', '/v1/endpoints')).body.data.map((e: Json) => e.id)).toEqual([kept.id]);
    expect((await merchant.api('DELETE', `/v1/endpoints/${created.id}`)).status).toBe(404);
    expect((await storedRow(created.id))?.deleted_at).toEqual(expect.any(String));
  });
});

describe('listActiveEndpoints (fan-out)', () => {
  it('is the enabled, undeleted endpoints of that merchant only', async () => {
    const [merchant, other] = [await newMerchant(), await newMerchant()];
    const active = await createEndpoint(merchant);
    const disabled = await createEndpoint(merchant);
    const deleted = await createEndpoint(merchant);
    await createEndpoint(other);
    await merchant.api('PATCH', `/v1/endpoints/${disabled.id}`, { enabled: false });
    await merchant.api('DELETE', `/v1/endpoints/${deleted.id}`);
    expect((await listActiveEndpoints(env, merchant.id)).map((row) => row.id)).toEqual([active.id]);
  });
});

describe('POST /v1/endpoints/{id}/rotate-secret', () => {
  it('returns a new secret; for 24 h deliveries are signed with both', async () => {
    const merchant = await newMerchant();
    const created = await createEndpoint(merchant);
    const rotated = await merchant.api('POST', `/v1/endpoints/${created.id}/rotate-secret`, {});
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    expect((await merchant.api('GET', `/v1/endpoints/${created.id}/secret`)).body.secret).toBe(rotated.body.secret);

    const row = (await storedRow(created.id))!;
    const until = Date.parse(row.previous_secret_until!);
    expect(Math.abs(until - (Date.now() + 86_400_000))).toBeLessThan(60_000);
    const secrets = await signingSecrets(env.SECRETS_KEY, row, Date.now());
    expect(secrets).toEqual([rotated.body.secret, created.secret]);

    const body = '{"id":"evt_test"}';
    const headers = await signWebhook({ id: 'evt_test', timestamp: Math.floor(Date.now() / 1000), body, secrets });
    expect(() => new Webhook(created.secret).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(rotated.body.secret).verify(body, headers)).not.toThrow();
    expect(await signingSecrets(env.SECRETS_KEY, row, until)).toEqual([rotated.body.secret]);
  });

  it('accepts no body, rejects unknown fields', async () => {
    const merchant = await newMerchant();
    const created = await createEndpoint(merchant);
    expect((await merchant.api('POST', `/v1/endpoints/${created.id}/rotate-secret`)).status).toBe(200);
    expectValidationError(await merchant.api('POST', `/v1/endpoints/${created.id}/rotate-secret`, { secret: 'whsec_x' }), 'secret');
  });
});

describe('POST /v1/endpoints/{id}/recover', () => {
  async function insertDelivery(endpointId: string, merchantId: string, status: string, attempts: number, createdAt: string) {
    const id = `dlv_${crypto.randomUUID().replaceAll('-', '')}`;
    await env.DB.prepare(
      `INSERT INTO deliveries (id, event_id, endpoint_id, merchant_id, order_id, owner, status, attempts, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, NULL, ?, ?, ?, NULL, ?, ?)`,
    )
      .bind(id, `evt_${id}`, endpointId, merchantId, `merchant:${merchantId}`, status, attempts, createdAt, createdAt)
      .run();
    return id;
  }

  it('selects failed, retry-waiting and skipped deliveries since the time, and nothing else', async () => {
    const merchant = await newMerchant();
    const endpoint = await createEndpoint(merchant);
    const other = await createEndpoint(merchant);
    const recent = new Date().toISOString();
    const old = '2020-01-01T00:00:00.000Z';
    const wanted = [
      await insertDelivery(endpoint.id, merchant.id, 'failed', 8, recent),
      await insertDelivery(endpoint.id, merchant.id, 'pending', 2, recent),
      await insertDelivery(endpoint.id, merchant.id, 'skipped', 0, recent),
    ];
    await insertDelivery(endpoint.id, merchant.id, 'succeeded', 1, recent);
    await insertDelivery(endpoint.id, merchant.id, 'pending', 0, recent); // not attempted yet
    await insertDelivery(endpoint.id, merchant.id, 'failed', 8, old); // before `since`
    await insertDelivery(other.id, merchant.id, 'failed', 8, recent); // another endpoint
    const since = new Date(Date.now() - 3_600_000).toISOString();
    expect((await recoverableDeliveryIds(env, endpoint.id, since)).sort()).toEqual(wanted.sort());
  });

  it('answers 202, also for a disabled endpoint; validates since', async () => {
    const merchant = await newMerchant();
    const endpoint = await createEndpoint(merchant);
    await merchant.api('PATCH', `/v1/endpoints/${endpoint.id}`, { enabled: false });
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const res = await merchant.api('POST', `/v1/endpoints/${endpoint.id}/recover`, { since });
    expect([res.status, res.body]).toEqual([202, { requeued: 0 }]);
    expect((await merchant.api('POST', `/v1/endpoints/${endpoint.id}/recover`, { since: '2026-11-21T17:00:00+07:00' })).status).toBe(202);
    expectValidationError(await merchant.api('POST', `/v1/endpoints/${endpoint.id}/recover`, { since: 'yesterday' }), 'since');
    expectValidationError(await merchant.api('POST', `/v1/endpoints/${endpoint.id}/recover`, {}), 'since');
  });
});

describe('merchant isolation', () => {
  it("another merchant's endpoint is 404 for every operation and absent from its list", async () => {
    const [owner, stranger] = [await newMerchant(), await newMerchant()];
    const endpoint = await createEndpoint(owner);
    const since = new Date().toISOString();
    const attempts = [
      stranger.api('GET', `/v1/endpoints/${endpoint.id}`),
      stranger.api('GET', `/v1/endpoints/${endpoint.id}/secret`),
      stranger.api('PATCH', `/v1/endpoints/${endpoint.id}`, { enabled: false }),
      stranger.api('POST', `/v1/endpoints/${endpoint.id}/rotate-secret`, {}),
      stranger.api('POST', `/v1/endpoints/${endpoint.id}/recover`, { since }),
      stranger.api('DELETE', `/v1/endpoints/${endpoint.id}`),
    ];
    for (const res of await Promise.all(attempts)) expect(res.status).toBe(404);
    expect((await stranger.api('GET', '/v1/endpoints')).body.data).toEqual([]);
    const untouched = await owner.api('GET', `/v1/endpoints/${endpoint.id}`);
    expect([untouched.status, untouched.body.enabled]).toEqual([200, true]);
    expect((await owner.api('GET', `/v1/endpoints/${endpoint.id}/secret`)).body.secret).toBe(endpoint.secret);
  });

  it('without an API key every route is 401', async () => {
    const merchant = await newMerchant();
    const endpoint = await createEndpoint(merchant);
    for (const token of [undefined, 'sk_test_wrong']) {
      expect((await call('GET', `/v1/endpoints/${endpoint.id}`, { token })).status).toBe(401);
      expect((await call('POST', '/v1/endpoints', { token, body: { url: HOOK, eventTypes: null } })).status).toBe(401);
    }
  });
});

describe('OpenAPI', () => {
  it('documents every endpoints route from the same schemas', async () => {
    const doc = (await call('GET', '/openapi.json')).body;
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/v1/endpoints'))).toEqual(
      expect.arrayContaining([
        '/v1/endpoints',
        '/v1/endpoints/{id}',
        '/v1/endpoints/{id}/secret',
        '/v1/endpoints/{id}/rotate-secret',
        '/v1/endpoints/{id}/recover',
      ]),
    );
    expect(Object.keys(doc.paths['/v1/endpoints/{id}'])).toEqual(expect.arrayContaining(['get', 'patch', 'delete']));
    expect(doc.components.schemas.CreateEndpoint.properties.eventTypes).toBeDefined();
  });
});
