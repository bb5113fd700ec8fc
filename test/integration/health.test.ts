import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const worker = exports.default;

describe('system routes', () => {
  it('GET /healthz answers ok', async () => {
    const res = await worker.fetch('https://router.test/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('unknown routes are problem+json 404', async () => {
    const res = await worker.fetch('https://router.test/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('serves an OpenAPI 3.1 document', async () => {
    const res = await worker.fetch('https://router.test/openapi.json');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/healthz']).toBeDefined();
  });
});
