import { describe, expect, it } from 'vitest';
import { type CheckedResponse, documentChecker } from './response-check';

// A small document in the shape the app serves, to show what the checker refuses.
const doc = {
  paths: {
    '/v1/things/{id}': {
      get: {
        responses: {
          200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          404: { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
    },
    '/v1/things/special': { get: { responses: { 204: { description: 'nothing' } } } },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          payment: { anyOf: [{ $ref: '#/components/schemas/Payment' }, { type: 'null' }] },
          createdAt: { type: 'string', format: 'date-time' },
        },
        required: ['id', 'payment', 'createdAt'],
      },
      Payment: { type: 'object', properties: { amount: { type: 'integer' } }, required: ['amount'] },
      Problem: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] },
    },
  },
};

const reply = (status: number, body: unknown, type = 'application/json', requestId = 'req_1'): CheckedResponse => {
  const headers = new Headers(requestId ? { 'x-request-id': requestId } : {});
  if (body !== undefined) headers.set('content-type', type);
  return { status, headers, body: body ?? null, text: body === undefined ? '' : JSON.stringify(body) };
};

const check = documentChecker(doc).check;

describe('the OpenAPI response check of the integration tests', () => {
  it('accepts a response that matches, with a nullable reference either way', () => {
    expect(check('GET', '/v1/things/t1', reply(200, { id: 't1', payment: null, createdAt: '2026-11-21T10:00:00.000Z' }))).toEqual([]);
    expect(
      check('GET', '/v1/things/t1?x=1', reply(200, { id: 't1', payment: { amount: 5 }, createdAt: '2026-11-21T10:00:00.000Z' })),
    ).toEqual([]);
    expect(check('GET', '/v1/things/t1', reply(404, { code: 'not_found' }, 'application/problem+json'))).toEqual([]);
  });

  it('refuses a body that breaks the schema: wrong type, missing field, bad format', () => {
    const [wrong] = check(
      'GET',
      '/v1/things/t1',
      reply(200, { id: 't1', payment: { amount: '5' }, createdAt: '2026-11-21T10:00:00.000Z' }),
    );
    expect(wrong).toMatch(/GET \/v1\/things\/\{id\} → 200: body does not match/);
    expect(wrong).toMatch(/#\/payment/);
    expect(check('GET', '/v1/things/t1', reply(200, { id: 't1', createdAt: '2026-11-21T10:00:00.000Z' }))).toHaveLength(1);
    expect(check('GET', '/v1/things/t1', reply(200, { id: 't1', payment: null, createdAt: 'yesterday' }))).toHaveLength(1);
  });

  it('refuses an undeclared status, an undeclared content type, and a response without x-request-id', () => {
    expect(check('GET', '/v1/things/t1', reply(409, { code: 'conflict' }, 'application/problem+json'))[0]).toMatch(/status not declared/);
    expect(check('GET', '/v1/things/t1', reply(404, { code: 'not_found' }, 'application/json'))[0]).toMatch(
      /content type application\/json not declared/,
    );
    expect(check('GET', '/v1/things/t1', reply(404, { code: 'not_found' }, 'application/problem+json', ''))[0]).toMatch(/x-request-id/);
  });

  it('prefers a literal path over a template, and leaves routes the document does not describe alone', () => {
    expect(check('GET', '/v1/things/special', reply(204, undefined))).toEqual([]);
    expect(check('GET', '/hooks/casso/pa_1', reply(500, { anything: true }))).toEqual([]);
    expect(check('POST', '/v1/things/t1', reply(200, { whatever: 1 }))).toEqual([]);
  });
});
