import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ledgerOfOrder } from '../fixtures/ledger';
import { merchantWithAccount } from '../fixtures/merchant';
import { webhookIdsAt } from '../fixtures/merchant-endpoint';

/*
 * DESIGN "Delivery at least once": alarm() never throws and never re-arms into the past in a loop. An
 * attempt that fails before it is sent (here: an endpoint secret that no longer opens) is a failed
 * attempt on the normal schedule, like any other failure.
 */

const HOOK = 'https://merchant.example/alarm';
afterEach(() => vi.restoreAllMocks());

/** The platform: runs the alarm whenever it is due, as often as it asks; returns how many runs that was. */
async function platform(ledger: Awaited<ReturnType<typeof ledgerOfOrder>>, maxRuns: number) {
  let runs = 0;
  for (; runs < maxRuns; runs++) {
    const at = await runInDurableObject(ledger, (_instance, state) => state.storage.getAlarm());
    if (at === null || at > Date.now()) break;
    await runDurableObjectAlarm(ledger);
  }
  return runs;
}

describe('the ledger alarm', () => {
  it('an attempt that fails before sending is a failed attempt, backs off on the schedule, and the alarm does not spin', async () => {
    const sent = webhookIdsAt(HOOK);
    const merchant = await merchantWithAccount();
    const endpoint = (await merchant.api('POST', '/v1/endpoints', { url: HOOK, eventTypes: ['order.canceled'] })).body;
    await env.DB.prepare("UPDATE endpoints SET secret = 'not-a-sealed-secret' WHERE id = ?").bind(endpoint.id).run();
    const order = await merchant.order();
    expect((await merchant.api('POST', `/v1/orders/${order.id}/cancel`, {})).status).toBe(200);
    const ledger = await ledgerOfOrder(order.id);

    const runs = await platform(ledger, 50);
    expect(runs).toBeLessThanOrEqual(2);
    expect(sent).toEqual([]);
    const [event] = (await merchant.api('GET', '/v1/events?type=order.canceled')).body.data;
    const attempts = (await merchant.api('GET', `/v1/events/${event.id}/attempts`)).body.data;
    expect(attempts).toMatchObject([{ attempt: 1, status: 'failed', responseStatus: null }]);
    expect(attempts[0].responseBody).toMatch(/./);
    const { nextAt, alarmAt } = await runInDurableObject(ledger, async (_instance, state) => ({
      nextAt: state.storage.sql.exec<{ next_at: number }>("SELECT next_at FROM outbox WHERE status = 'pending'").one().next_at,
      alarmAt: await state.storage.getAlarm(),
    }));
    // The first retry is 5 s ± 20 % away, and the alarm waits for it.
    expect(nextAt - Date.now()).toBeGreaterThan(3_000);
    expect(nextAt - Date.now()).toBeLessThanOrEqual(6_000);
    expect(alarmAt).toBeGreaterThan(Date.now());
  });

  it('a delivery whose event body is missing is a failed attempt too, and the next runs go on with the others', async () => {
    const sent = webhookIdsAt(HOOK);
    const merchant = await merchantWithAccount();
    await merchant.api('POST', '/v1/endpoints', { url: HOOK, eventTypes: ['order.canceled'] });
    const first = await merchant.order();
    const second = await merchant.order();
    for (const order of [first, second]) expect((await merchant.api('POST', `/v1/orders/${order.id}/cancel`, {})).status).toBe(200);
    const ledger = await ledgerOfOrder(first.id);
    const [lost] = (await merchant.api('GET', '/v1/events?type=order.canceled')).body.data;
    await runInDurableObject(ledger, (_instance, state) => state.storage.sql.exec('DELETE FROM events WHERE id = ?', lost.id));
    expect(await platform(ledger, 50)).toBeLessThanOrEqual(2);
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toBe(lost.id);
    expect((await merchant.api('GET', `/v1/events/${lost.id}/attempts`)).body.data).toMatchObject([{ attempt: 1, status: 'failed' }]);
  });
});
