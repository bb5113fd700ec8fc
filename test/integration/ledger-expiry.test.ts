import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../fixtures/app';
import { cassoCallback } from '../fixtures/casso';
import { ledgerOfOrder, settled } from '../fixtures/ledger';
import { cassoFeed, merchantWithAccount } from '../fixtures/merchant';
import { interceptFetch } from '../fixtures/outbound-fetch';

/*
 * Time decides expiry, not the alarm (CONTRACT §4): with EXPIRY_GRACE_SECONDS at its default (120 s here), a
 * transfer one second inside the grace counts and one second past it is late, even while the ledger's alarm
 * is busy delivering to a slow endpoint; a paid order's expiry is never announced.
 */

const GRACE_MS = 120_000;
const HOOK = 'https://merchant.example/slow';

afterEach(() => vi.restoreAllMocks());

/**
 * A merchant endpoint that holds every request until released. Both sides poll a flag: a promise resolved
 * in the test would resume the ledger's code outside its own I/O context (and the other way round).
 */
function slowEndpoint() {
  const state = { arrived: false, released: false };
  interceptFetch(
    {
      [HOOK]: async () => {
        state.arrived = true;
        while (!state.released) await new Promise((resolve) => setTimeout(resolve, 10));
        return new Response('ok');
      },
    },
    { unmatched: 'pass' },
  );
  return {
    release: () => {
      state.released = true;
    },
    async firstArrival() {
      while (!state.arrived) await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}

/** Simulated clock, in the ledger and in D1: the order expires at `expiresAtMs`. */
async function setExpiry(orderId: string, expiresAtMs: number) {
  const iso = new Date(expiresAtMs).toISOString();
  await runInDurableObject(await ledgerOfOrder(orderId), (_instance, state) =>
    state.storage.sql.exec('UPDATE orders SET expires_at = ?, expires_ms = ? WHERE id = ?', iso, expiresAtMs, orderId),
  );
  await env.DB.prepare('UPDATE orders SET expires_at = ? WHERE id = ?').bind(iso, orderId).run();
}

const typesOf = async (merchant: Awaited<ReturnType<typeof merchantWithAccount>>, orderId: string) =>
  ((await merchant.api('GET', '/v1/events?limit=100')).body.data as { type: string; data: { order: { id: string } | null } }[])
    .filter((e) => e.data.order?.id === orderId)
    .map((e) => e.type)
    .sort();

describe('expiry by the clock', () => {
  it('a transfer at expiresAt + grace − 1 s counts and one at + 1 s is late, while the alarm is held busy', async () => {
    const slow = slowEndpoint();
    const merchant = await merchantWithAccount();
    const { casso, checksumKey } = await cassoFeed(merchant);
    await merchant.api('POST', '/v1/endpoints', { url: HOOK, eventTypes: null });
    const inGrace = await merchant.order({ amount: 10_000 });
    const late = await merchant.order({ amount: 10_000 });
    const busy = await merchant.order({ amount: 10_000 });
    const ledger = await ledgerOfOrder(busy.id);

    // The alarm starts delivering busy's cancel event and hangs on the slow endpoint.
    expect((await merchant.api('POST', `/v1/orders/${busy.id}/cancel`, {})).status).toBe(200);
    const alarm = runDurableObjectAlarm(ledger);
    await slow.firstArrival();

    const now = Date.now();
    await setExpiry(inGrace.id, now - GRACE_MS + 1_000);
    await setExpiry(late.id, now - GRACE_MS - 1_000);
    for (const order of [inGrace, late]) {
      const cb = await cassoCallback(checksumKey, { amount: 10_000, content: order.paymentCode, accountNumber: merchant.accountNumber });
      expect((await call('POST', `/hooks/casso/${casso.id}`, { body: cb.body, headers: cb.headers })).status).toBe(200);
    }
    await settled(ledger);
    expect((await merchant.api('GET', `/v1/orders/${inGrace.id}`)).body).toMatchObject({ status: 'paid', amountPaid: 10_000 });
    expect((await merchant.api('GET', `/v1/orders/${late.id}`)).body).toMatchObject({
      status: 'expired',
      amountPaid: 10_000,
      paidAt: null,
    });
    expect(await typesOf(merchant, inGrace.id)).toEqual(['order.paid', 'payment.received']);
    expect(await typesOf(merchant, late.id)).toEqual(['order.expired', 'payment.received']);

    slow.release();
    await alarm;
    // The alarm announces nothing more: each order.expired exists once.
    await runDurableObjectAlarm(ledger);
    expect(await typesOf(merchant, late.id)).toEqual(['order.expired', 'payment.received']);
  });

  it("an open order reads expired past the grace before anything ran, and the alarm announces it once; a paid order's expiry is never run", async () => {
    const merchant = await merchantWithAccount();
    const open = await merchant.order({ amount: 10_000 });
    const paid = await merchant.order({ amount: 10_000 });
    expect((await merchant.api('POST', `/v1/sandbox/orders/${paid.id}/pay`, {})).status).toBe(202);
    const ledger = await ledgerOfOrder(open.id);
    const past = Date.now() - GRACE_MS - 60_000;
    await setExpiry(open.id, past);
    await setExpiry(paid.id, past);

    expect((await merchant.api('GET', `/v1/orders/${open.id}`)).body.status).toBe('expired');
    expect((await merchant.api('GET', '/v1/orders?status=expired')).body.data.map((o: { id: string }) => o.id)).toEqual([open.id]);
    expect((await merchant.api('GET', '/v1/orders?status=pending')).body.data).toEqual([]);
    expect((await call('GET', `/pay/${open.id}/status`)).body.status).toBe('expired');

    await runInDurableObject(ledger, (_instance, state) => state.storage.setAlarm(Date.now()));
    await runDurableObjectAlarm(ledger);
    await runInDurableObject(ledger, (_instance, state) => state.storage.setAlarm(Date.now()));
    await runDurableObjectAlarm(ledger);
    expect(await typesOf(merchant, open.id)).toEqual(['order.expired']);
    expect(await typesOf(merchant, paid.id)).toEqual(['order.paid', 'payment.received']);
    // With only final orders left and nothing to deliver, nothing re-arms the alarm for their expiry.
    const alarmAt = await runInDurableObject(ledger, (_instance, state) => state.storage.getAlarm());
    expect(alarmAt === null || alarmAt > Date.now()).toBe(true);
  });
});
