import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app';
import { contextLogger } from '../../src/lib/log';
import { BASE, worker } from '../fixtures/app';
import { merchantWithAccount } from '../fixtures/merchant';

/** Captures every console line as parsed JSON (the app writes one JSON object per line). */
function captureLogs() {
  const lines: Record<string, any>[] = [];
  for (const level of ['log', 'warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation((line: unknown) => {
      lines.push(JSON.parse(String(line)));
    });
  }
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe('structured logs', () => {
  it('a logger line is one JSON object with its context; secret-named fields are dropped, account numbers masked', () => {
    const lines = captureLogs();
    contextLogger({ requestId: 'req_ctx' }).warn('something', {
      apiKey: 'sk_test_abc',
      headers: { Authorization: 'Bearer x', 'x-casso-signature': 't=1,v1=ff' },
      account: { accountNumber: '0123456789', bankAccount: 987654321, password: 'p', name: 'SHOP' },
      list: [{ secretToken: 's' }],
      amount: 50_000,
    });
    expect(lines).toEqual([
      {
        level: 'warn',
        msg: 'something',
        time: expect.any(String),
        requestId: 'req_ctx',
        apiKey: '[redacted]',
        headers: { Authorization: '[redacted]', 'x-casso-signature': '[redacted]' },
        account: { accountNumber: '******6789', bankAccount: '*****4321', password: '[redacted]', name: 'SHOP' },
        list: [{ secretToken: '[redacted]' }],
        amount: 50_000,
      },
    ]);
  });

  it('lines written during a request carry its request id (echoed in x-request-id)', async () => {
    const merchant = await merchantWithAccount();
    const lines = captureLogs();
    // A refused callback (logged by the hook) and a rate-limit refusal (logged by the middleware).
    const hook = await worker.fetch(`${BASE}/hooks/casso/${merchant.direct.id}`, {
      method: 'POST',
      headers: { 'x-request-id': 'req-obs-1', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(hook.headers.get('x-request-id')).toBe('req-obs-1');
    const app = createApp();
    const limited = {
      ...env,
      PUBLIC_RATE_LIMIT: env.TEST_RATE_LIMIT_1,
    };
    for (const id of ['req-obs-2', 'req-obs-3']) {
      const ctx = createExecutionContext();
      const res = await app.fetch(
        new Request(`${BASE}/v1/qr/decode`, {
          method: 'POST',
          headers: { 'x-request-id': id, 'cf-connecting-ip': '192.0.2.99' },
          body: '{}',
        }),
        limited,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      expect(res.headers.get('x-request-id')).toBe(id);
    }
    expect(lines.find((line) => line.msg === 'callback refused')?.requestId).toBe('req-obs-1');
    expect(lines.find((line) => line.msg === 'rate limit exceeded')?.requestId).toBe('req-obs-3');

    // An id that is not a plain token is replaced, never echoed.
    const odd = await worker.fetch(`${BASE}/healthz`, { headers: { 'x-request-id': 'a b;c<script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^req_[0-9a-z]+$/);
  });
});
