import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RESPONSE_BODY_LIMIT, sendWebhook, truncateUtf8 } from '../../../src/delivery/send';
import { interceptFetch } from '../../fixtures/outbound-fetch';

const URL_ = 'https://shop.example.com/webhook';
const headers = { 'content-type': 'application/json', 'webhook-id': 'evt_1' };

/** A fetch that answers with `response` and records what it was asked. */
function fakeFetch(respond: (init: RequestInit) => Response | Promise<Response>) {
  return vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => respond(init ?? {})) as unknown as typeof fetch & {
    mock: { calls: [RequestInfo | URL, RequestInit][] };
  };
}

const send = (doFetch: typeof fetch, timeoutMs = 1_000) =>
  sendWebhook({ url: URL_, headers, body: '{"id":"evt_1"}', timeoutMs, fetch: doFetch });

describe('sendWebhook', () => {
  afterEach(() => vi.restoreAllMocks());

  it('POSTs the signed body and counts a 2xx as success', async () => {
    const doFetch = fakeFetch(() => new Response('thanks', { status: 200 }));
    const result = await send(doFetch);
    expect(result).toMatchObject({ ok: true, status: 200, body: 'thanks', disable: false, abort: false });
    const [url, init] = doFetch.mock.calls[0]!;
    expect(url).toBe(URL_);
    expect(init).toMatchObject({ method: 'POST', headers, body: '{"id":"evt_1"}', redirect: 'manual' });
  });

  it('durationMs is how long the receiver took: from the request until its whole answer was read', async () => {
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const slow = fakeFetch(async () => {
      await pause(80);
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode('th'));
          await pause(80);
          controller.enqueue(new TextEncoder().encode('anks'));
          controller.close();
        },
      });
      return new Response(body, { status: 200 });
    });
    const result = await send(slow);
    expect(result).toMatchObject({ ok: true, body: 'thanks' });
    expect(result.durationMs).toBeGreaterThanOrEqual(160);
    expect(result.durationMs).toBeLessThan(1_000);
  });

  it('every 2xx is success, everything else failure', async () => {
    for (const status of [200, 201, 202, 204, 299])
      expect((await send(fakeFetch(() => new Response(null, { status })))).ok, `${status}`).toBe(true);
    for (const status of [301, 302, 307, 308, 400, 401, 404, 429, 500, 503]) {
      const result = await send(fakeFetch(() => new Response('no', { status })));
      expect([result.ok, result.status], `${status}`).toEqual([false, status]);
    }
  });

  it('does not follow a redirect: the 3xx is the answer, and a failure', async () => {
    const followed = vi.fn();
    const doFetch = fakeFetch((init) => {
      if (init.redirect !== 'manual') followed();
      return init.redirect === 'manual'
        ? new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/' } })
        : new Response('followed');
    });
    const result = await send(doFetch);
    expect(followed).not.toHaveBeenCalled();
    expect([result.ok, result.status]).toEqual([false, 302]);
  });

  it('410 Gone asks to disable the endpoint', async () => {
    expect(await send(fakeFetch(() => new Response('gone', { status: 410 })))).toMatchObject({ ok: false, status: 410, disable: true });
  });

  it('webhook-delivery: abort-message asks to stop retrying this message', async () => {
    const result = await send(
      fakeFetch(() => new Response('bad payload', { status: 400, headers: { 'webhook-delivery': 'abort-message' } })),
    );
    expect(result).toMatchObject({ ok: false, status: 400, abort: true, disable: false });
  });

  it('hands back Retry-After as given', async () => {
    const result = await send(fakeFetch(() => new Response('busy', { status: 503, headers: { 'retry-after': '120' } })));
    expect(result.retryAfter).toBe('120');
    expect('retryAfter' in (await send(fakeFetch(() => new Response('busy', { status: 503 }))))).toBe(false);
  });

  it('a receiver that does not answer in time is a failure without status', async () => {
    const hanging = fakeFetch(
      (init) =>
        new Promise<Response>((_, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
    const result = await send(hanging, 50);
    expect(result).toMatchObject({ ok: false, status: null, body: '', error: 'timed out after 50 ms' });
    expect(result.durationMs).toBeGreaterThanOrEqual(50);
  });

  it('a body that never ends counts as a timeout too', async () => {
    const stalled = fakeFetch((init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('partial'));
          init.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
        },
      });
      return new Response(body, { status: 200 });
    });
    expect(await send(stalled, 50)).toMatchObject({ ok: false, status: null, error: 'timed out after 50 ms' });
  });

  it('a network error is a failure with its message', async () => {
    const broken = fakeFetch(() => Promise.reject(new TypeError('Network connection lost.')));
    expect(await send(broken)).toMatchObject({ ok: false, status: null, error: 'Network connection lost.', disable: false, abort: false });
  });

  it('keeps at most 2 KiB of the answer, never splitting a character', async () => {
    const long = await send(fakeFetch(() => new Response('x'.repeat(10_000))));
    expect(long.body).toBe('x'.repeat(RESPONSE_BODY_LIMIT));
    const vietnamese = await send(fakeFetch(() => new Response('Đã nhận thanh toán '.repeat(300), { status: 500 })));
    const bytes = new TextEncoder().encode(vietnamese.body).byteLength;
    expect(bytes).toBeLessThanOrEqual(RESPONSE_BODY_LIMIT);
    expect(bytes).toBeGreaterThan(RESPONSE_BODY_LIMIT - 4);
    expect(vietnamese.body).not.toContain('\uFFFD');
    expect('Đã nhận thanh toán '.repeat(300).startsWith(vietnamese.body)).toBe(true);
  });

  it('uses the global fetch by default', async () => {
    const { log, restore } = interceptFetch({ [URL_]: () => new Response('ok', { status: 200 }) });
    const result = await sendWebhook({ url: URL_, headers, body: '{}', timeoutMs: 1_000 });
    restore();
    expect(result.ok).toBe(true);
    expect(log.map(({ url, method, request }) => [url.href, method, request.redirect])).toEqual([[URL_, 'POST', 'manual']]);
  });
});

describe('truncateUtf8', () => {
  it('cuts to a byte budget on character boundaries (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat({ max: 64 }), (text, max) => {
        const cut = truncateUtf8(text, max);
        expect(new TextEncoder().encode(cut).byteLength).toBeLessThanOrEqual(max);
        expect(text.startsWith(cut)).toBe(true);
        if (new TextEncoder().encode(text).byteLength <= max) expect(cut).toBe(text);
      }),
    );
  });
});
