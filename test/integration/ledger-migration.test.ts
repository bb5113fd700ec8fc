import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { merchantWithHooks, nextTxId, send } from '../fixtures/hooks';
import { ledgerNamed, ledgerOfOrder, settled } from '../fixtures/ledger';

/*
 * Existing orders keep working (issue 12): data written by the first design (per-order settlement) is in
 * D1 only. A ledger adopts such an order on its first report, with the state D1 projected, and takes over
 * the recent payments of its account the first time it opens, so a provider's retry of a transfer settled
 * before the ledger existed is recognised instead of counted again.
 */

type Hooks = Awaited<ReturnType<typeof merchantWithHooks>>;

/** An order as the first design left it: in D1, partly paid, registered in no ledger. */
async function legacyOrder(h: Hooks, amount: number, paid: number) {
  const order = await h.merchant.order({ amount });
  const ledger = await ledgerOfOrder(order.id);
  // Forget the registration this version made, and give D1 the state the old order DO had projected.
  const { runInDurableObject } = await import('cloudflare:test');
  await runInDurableObject(ledger, (_instance, state) => state.storage.sql.exec('DELETE FROM orders'));
  await env.DB.prepare("UPDATE orders SET status = 'partially_paid', amount_paid = ?, version = 3 WHERE id = ?").bind(paid, order.id).run();
  return order;
}

describe('data of the first design', () => {
  it('an order only D1 knows, partly paid, is adopted with its state and paid by the rest', async () => {
    const h = await merchantWithHooks();
    const order = await legacyOrder(h, 100_000, 40_000);
    expect((await send(h.sign.sepayApikey({ id: nextTxId(), amount: 60_000, content: order.paymentCode }))).status).toBe(200);
    await settled(await ledgerOfOrder(order.id));
    expect((await h.merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'paid', amountPaid: 100_000 });
  });

  it("a retry of a transfer the first design recorded is recognised by the ledger's import, not counted again", async () => {
    const h = await merchantWithHooks();
    // An account no ledger has opened yet, and what the first design's projection left in D1 for it.
    const number = String(Math.floor(1e9 + Math.random() * 9e9));
    const apiKey = 'legacy-sepay-key-0001';
    const feed = await h.merchant.account({ provider: 'sepay', apiKey, bank: '970436', accountNumber: number, accountName: 'SHOP A' });
    const txId = nextTxId();
    const at = new Date().toISOString();
    const reports = [{ providerAccountId: feed.id, provider: 'sepay', providerTransactionId: txId, via: 'callback', receivedAt: at }];
    await env.DB.prepare(
      `INSERT INTO payments (id, merchant_id, ledger, order_id, provider_account_id, provider, provider_transaction_id, bank_reference,
         amount, content, account_number, occurred_at, received_at, matched_by, reports, version)
       VALUES ('pay_legacy0000000000000000001', ?, ?, 'ord_legacy000000000000000001', ?, 'sepay', ?, ?, 50000, 'QRLEGACY2', ?, ?, ?, 'payment_code', ?, 1)`,
    )
      .bind(h.merchant.id, `${h.merchant.id}:${number}`, feed.id, txId, `FT${txId}`, number, at, at, JSON.stringify(reports))
      .run();
    const body = JSON.stringify({
      id: Number(txId),
      gateway: 'Vietcombank',
      transactionDate: '2026-11-30 10:00:00',
      accountNumber: number,
      content: 'QRLEGACY2',
      transferType: 'in',
      transferAmount: 50_000,
      referenceCode: `FT${txId}`,
      accumulated: 0,
    });
    const retry = await send({
      path: `/hooks/sepay/${feed.id}`,
      headers: { 'content-type': 'application/json', authorization: `Apikey ${apiKey}` },
      body,
    });
    expect(retry.status).toBe(200);
    await settled(ledgerNamed(`${h.merchant.id}:${number}`));
    const stored = await env.DB.prepare('SELECT id FROM payments WHERE provider_account_id = ?').bind(feed.id).all<{ id: string }>();
    expect(stored.results.map((row) => row.id)).toEqual(['pay_legacy0000000000000000001']);
    const events = (await h.merchant.api('GET', '/v1/events?limit=100')).body.data;
    expect(events).toEqual([]);
  });
});
