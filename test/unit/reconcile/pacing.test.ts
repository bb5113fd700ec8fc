import { describe, expect, it } from 'vitest';
import { ProviderRejection } from '../../../src/providers/outbound';
import { RateLimited } from '../../../src/providers/rate-limited';
import { BackOff, isSystemic, withBackOff } from '../../../src/reconcile/backoff';
import { type PacingDeps, pacer } from '../../../src/reconcile/pacing';
import { retryAfterMs } from '../../../src/reconcile/retry-after';

/** A clock that only moves when the code under test sleeps, and a fetch that answers from a list. */
function fakeDeps(answers: Response[]) {
  let now = 1_000_000;
  const sentAt: number[] = [];
  const deps: PacingDeps = {
    nowMs: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    fetch: async () => {
      sentAt.push(now);
      return answers.shift() ?? new Response('{}');
    },
  };
  return { deps, sentAt, advance: (ms: number) => (now += ms) };
}

describe('Retry-After', () => {
  const at = Date.parse('2026-11-21T10:00:00Z');
  it('reads seconds, an HTTP date and X-RateLimit-Reset; at most an hour', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }), at)).toBe(3_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sat, 21 Nov 2026 10:00:05 GMT' }), at)).toBe(5_000);
    expect(retryAfterMs(new Headers({ 'x-ratelimit-reset': String(at / 1000 + 7) }), at)).toBe(7_000);
    expect(retryAfterMs(new Headers({ 'x-ratelimit-reset': '4' }), at)).toBe(4_000);
    expect(retryAfterMs(new Headers({ 'retry-after': '86400' }), at)).toBe(3_600_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), at)).toBeNull();
    expect(retryAfterMs(new Headers(), at)).toBeNull();
  });
});

describe('pacing of one run', () => {
  it('requests go out at least spacingMs apart', async () => {
    const { deps, sentAt } = fakeDeps([]);
    const paced = pacer(400, deps);
    for (let i = 0; i < 4; i++) await paced.ctx.fetch('https://p.test/');
    expect(sentAt.map((t) => t - sentAt[0]!)).toEqual([0, 400, 800, 1200]);
  });

  it('after a 429, nothing goes out before its Retry-After has passed', async () => {
    const { deps, sentAt } = fakeDeps([new Response('{}', { status: 429, headers: { 'retry-after': '3' } })]);
    const paced = pacer(100, deps);
    await paced.ctx.fetch('https://p.test/');
    expect(paced.lastRetryAfterMs()).toBe(3_000);
    await paced.ctx.fetch('https://p.test/');
    expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(3_000);
  });
});

describe('back-off', () => {
  const limited = (status = 429) => new ProviderRejection('sepay', 'rate_limited', 'slow down', status);

  it('waits out a short rate limit and makes the same call again', async () => {
    const { deps } = fakeDeps([new Response('{}', { status: 429, headers: { 'retry-after': '2' } })]);
    const paced = pacer(0, deps);
    let calls = 0;
    const result = await withBackOff(paced, async () => {
      calls += 1;
      const res = await paced.ctx.fetch('https://p.test/');
      if (res.status === 429) throw limited();
      return 'page';
    });
    expect([result, calls]).toEqual(['page', 2]);
  });

  it('a long Retry-After, or a limit that keeps coming, ends the run with how long to wait', async () => {
    const { deps } = fakeDeps([]);
    const long = await withBackOff(pacer(0, deps), async () => {
      throw new RateLimited('tingee', '1001', 'too fast', 60_000);
    }).catch((error) => error);
    expect(long).toBeInstanceOf(BackOff);
    expect((long as BackOff).waitMs).toBe(60_000);
    let calls = 0;
    const again = await withBackOff(pacer(0, deps), async () => {
      calls += 1;
      throw limited();
    }).catch((error) => error);
    expect(again).toBeInstanceOf(BackOff);
    expect(calls).toBe(3);
  });

  it('anything else is thrown as it is, at once', async () => {
    const outage = new ProviderRejection('casso', 'HTTP_503', 'down', 503);
    let calls = 0;
    const error = await withBackOff(pacer(0, fakeDeps([]).deps), async () => {
      calls += 1;
      throw outage;
    }).catch((e) => e);
    expect([error, calls]).toEqual([outage, 1]);
    expect(isSystemic(outage)).toBe(true);
    expect(isSystemic(new ProviderRejection('payos', '101', 'not found', 404))).toBe(false);
  });
});
