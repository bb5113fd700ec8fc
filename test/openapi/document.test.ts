// What a client generator reads in /openapi.json: the properties issue 16 asks of every operation.
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../src/app';
import { EVENT_TYPES } from '../../src/schemas/event';

const worker = exports.default;
type Json = Record<string, any>;

let doc: Json;
beforeAll(async () => {
  doc = await (await worker.fetch('https://router.test/openapi.json')).json();
});

const operations = () =>
  Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json).map(([method, op]) => ({ path, method, op: op as Json, name: `${method.toUpperCase()} ${path}` })),
  );
const isMerchant = (op: Json) => (op.security ?? []).some((s: Json) => 'apiKey' in s);
const deref = (node: Json) => (node.$ref ? doc.components.schemas[node.$ref.split('/').pop()] : node);

describe('GET /openapi.json', () => {
  it('names this deployment in servers: PUBLIC_BASE_URL, else the request origin', async () => {
    expect(doc.servers).toEqual([{ url: 'https://router.test', description: 'This deployment' }]);
    const res = await app.request('http://localhost:9999/openapi.json', {}, { ...env, PUBLIC_BASE_URL: '' });
    expect((await res.json<Json>()).servers[0].url).toBe('http://localhost:9999');
  });

  it('gives every operation a unique operationId, a summary, a description and declared tags', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const declared = new Map((doc.tags as Json[]).map((tag) => [tag.name, tag.description]));
    for (const { name, op } of operations()) {
      expect(op.summary, name).toBeTruthy();
      expect(op.description, name).toBeTruthy();
      expect(op.tags?.length, name).toBeGreaterThan(0);
      for (const tag of op.tags) expect(declared.get(tag), `${name}: tag ${tag}`).toBeTruthy();
    }
    expect(ids).toEqual(expect.arrayContaining(['createOrder', 'getOrder', 'listPayments', 'createEndpoint', 'sandboxPayOrder']));
  });

  it('says which scheme each operation needs, and security: [] on the public ones', () => {
    for (const { name, path, op } of operations()) {
      expect(Array.isArray(op.security), name).toBe(true);
      if (path.startsWith('/v1/admin/')) expect(op.security, name).toEqual([{ adminToken: [] }]);
      else if (path.startsWith('/v1/') && !path.startsWith('/v1/qr/')) expect(op.security, name).toEqual([{ apiKey: [] }]);
      else expect(op.security, name).toEqual([]);
    }
  });

  it('declares every error as application/problem+json with the one Problem schema', () => {
    for (const { name, op } of operations()) {
      const errors = Object.entries(op.responses as Json).filter(([status]) => Number(status) >= 400);
      expect(
        errors.map(([status]) => status),
        name,
      ).toEqual(expect.arrayContaining(['500', '503']));
      for (const [status, response] of errors) {
        expect(response.content, `${name} ${status}`).toEqual({
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        });
      }
      if (isMerchant(op)) expect(Object.keys(op.responses), name).toEqual(expect.arrayContaining(['401', '429']));
    }
    expect(doc.components.schemas.Problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']));
    expect(Object.keys(doc.paths['/v1/orders'].post.responses)).toEqual(expect.arrayContaining(['409', '422', '502']));
    expect(Object.keys(doc.paths['/v1/orders/{id}/cancel'].post.responses)).toContain('409');
    expect(Object.keys(doc.paths['/v1/sandbox/orders/{id}/pay'].post.responses)).toContain('403');
  });

  it('declares Idempotency-Key on every merchant POST, and only there', () => {
    for (const { name, method, op } of operations()) {
      const declares = (op.parameters ?? []).some((p: Json) => p.$ref === '#/components/parameters/IdempotencyKey');
      expect(declares, name).toBe(method === 'post' && isMerchant(op));
    }
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: false });
  });

  it('declares the response headers: x-request-id everywhere, Retry-After on 429, Idempotent-Replayed, ETag', () => {
    for (const { name, method, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses as Json)) {
        expect(response.headers?.['x-request-id'], `${name} ${status}`).toEqual({ $ref: '#/components/headers/RequestId' });
        if (status === '429') expect(response.headers['Retry-After'], name).toBeDefined();
        if (method === 'post' && isMerchant(op) && status.startsWith('2'))
          expect(response.headers['Idempotent-Replayed'], name).toBeDefined();
      }
    }
    expect(doc.paths['/qr/{file}'].get.responses['200'].headers.ETag).toBeDefined();
  });

  it('writes nullable named schemas as a union with null, and every time as date-time', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/"allOf":\[\{"\$ref":"[^"]+"\},\{"type":\["object","null"\]\}\]/);
    expect(doc.components.schemas.ProviderAccount.properties.bank.anyOf).toContainEqual({ type: 'null' });
    const times: string[] = [];
    const visit = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return;
      const props = (node as Json).properties;
      if (props) {
        for (const [key, value] of Object.entries(props as Json)) {
          if (/[a-z]At$/.test(key)) {
            times.push(`${at}.${key}`);
            expect(value.format, `${at}.${key}`).toBe('date-time');
          }
        }
      }
      for (const [key, value] of Object.entries(node)) visit(value, `${at}/${key}`);
    };
    visit(doc.components.schemas, '#');
    expect(times.length).toBeGreaterThan(10);
  });

  it('keeps request fields with a default optional (the default is stated, not declared)', () => {
    const createOrder = doc.components.schemas.CreateOrder;
    expect(createOrder.required).toEqual(['amount', 'reference']);
    expect(createOrder.properties.expiresInSeconds.default).toBeUndefined();
    expect(createOrder.properties.expiresInSeconds.description).toMatch(/Default: 900/);
  });

  it('describes every event type as a webhook: its own body and the three webhook-* headers', () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual([...EVENT_TYPES].sort());
    for (const type of EVENT_TYPES) {
      const hook = doc.webhooks[type].post;
      expect(hook.operationId).toMatch(/^webhook/);
      expect(hook.parameters.filter((p: Json) => p.in === 'header').map((p: Json) => p.name)).toEqual([
        'webhook-id',
        'webhook-timestamp',
        'webhook-signature',
      ]);
      const body = deref(hook.requestBody.content['application/json'].schema);
      expect(body.properties.type).toMatchObject({ enum: [type] });
      expect(Object.keys(hook.responses)).toEqual(expect.arrayContaining(['200', '410']));
    }
    const data = (type: string) => deref(doc.webhooks[type].post.requestBody.content['application/json'].schema).properties.data.properties;
    expect(data('order.canceled').payment).toEqual({ type: 'null' });
    expect(data('payment.received').payment).toEqual({ $ref: '#/components/schemas/Payment' });
    expect(data('order.paid').payment.anyOf).toEqual([{ $ref: '#/components/schemas/Payment' }, { type: 'null' }]);
    expect(doc.components.schemas.Event.oneOf).toHaveLength(EVENT_TYPES.length);
  });
});
