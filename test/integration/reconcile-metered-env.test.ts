import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { meteredEnv } from '../../src/reconcile/metered-env';

/* The run's view of its bindings counts what it sends (npm run bench reads it) and changes nothing else. */

describe('meteredEnv', () => {
  it('counts D1 statements (a batch counts each of its statements) and answers as D1 does', async () => {
    const { env: metered, meter } = meteredEnv(env);
    expect(await metered.DB.prepare('SELECT ? AS n').bind(41).first<{ n: number }>()).toEqual({ n: 41 });
    const [a, b] = await metered.DB.batch([metered.DB.prepare('SELECT 1 AS one'), metered.DB.prepare('SELECT ? AS two').bind(2)]);
    expect([a!.results, b!.results]).toEqual([[{ one: 1 }], [{ two: 2 }]]);
    expect(meter).toEqual({ d1Statements: 3, doCalls: 0 });
  });

  it('counts Durable Object calls through any namespace, and passes the other bindings through', async () => {
    const { env: metered, meter } = meteredEnv(env);
    const stub = metered.LEDGER.get(metered.LEDGER.idFromName('meter-test'));
    expect(await stub.requeue([])).toBe(0);
    expect(meter.doCalls).toBe(1);
    expect(metered.SECRETS_KEY).toBe(env.SECRETS_KEY);
  });
});
