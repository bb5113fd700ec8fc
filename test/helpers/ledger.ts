import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// Reaching into the ledgers the way production never does: to wait for their after-commit work and to move their clock.
export type LedgerStub = ReturnType<Env['LEDGER']['get']>;

export const ledgerNamed = (name: string): LedgerStub => env.LEDGER.get(env.LEDGER.idFromName(name));

/** The ledger an order registered in (the account its QR names). */
export async function ledgerOfOrder(orderId: string): Promise<LedgerStub> {
  const row = await env.DB.prepare('SELECT ledger FROM orders WHERE id = ?').bind(orderId).first<{ ledger: string }>();
  if (!row) throw new Error(`no order ${orderId}`);
  return ledgerNamed(row.ledger);
}

/** Resolves once the ledger's work after its last commit (D1 projection, fan-out, credits) is done. */
export async function settled(stub: LedgerStub): Promise<void> {
  await runInDurableObject(stub, async (instance) => {
    await (instance as unknown as { draining: Promise<void> | null }).draining;
  });
}

/** Runs the ledger's alarm now if one is armed; true when it ran. */
export const runAlarm = (stub: LedgerStub) => runDurableObjectAlarm(stub);

/** Simulated clock: every pending delivery becomes due now; returns the delays that had been scheduled. */
export function deliveriesDueNow(stub: LedgerStub): Promise<number[]> {
  return runInDurableObject(stub, (_instance, state) => {
    const rows = state.storage.sql.exec<{ next_at: number }>("SELECT next_at FROM outbox WHERE status = 'pending'").toArray();
    state.storage.sql.exec("UPDATE outbox SET next_at = ? WHERE status = 'pending'", Date.now() - 1);
    return rows.map((row) => row.next_at - Date.now());
  });
}

/** Simulated clock: the order expired `agoMs` ago (in its ledger and in D1), as if the test had waited. */
export async function expireOrder(orderId: string, agoMs: number): Promise<void> {
  const expiresAt = new Date(Date.now() - agoMs);
  const stub = await ledgerOfOrder(orderId);
  await runInDurableObject(stub, async (_instance, state) => {
    state.storage.sql.exec(
      'UPDATE orders SET expires_at = ?, expires_ms = ? WHERE id = ?',
      expiresAt.toISOString(),
      expiresAt.getTime(),
      orderId,
    );
    await state.storage.setAlarm(Date.now());
  });
  await env.DB.prepare('UPDATE orders SET expires_at = ? WHERE id = ?').bind(expiresAt.toISOString(), orderId).run();
}

/** What a ledger still has to do: pending deliveries, unflushed D1 records, events not yet fanned out. */
export function backlog(stub: LedgerStub) {
  return runInDurableObject(stub, (_instance, state) => {
    const sql = state.storage.sql;
    const count = (query: string) => sql.exec<{ n: number }>(query).one().n;
    return {
      pending: count("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'"),
      projection: count('SELECT COUNT(*) AS n FROM projection'),
      unfanned: count('SELECT COUNT(*) AS n FROM events WHERE fanned = 0'),
    };
  });
}
