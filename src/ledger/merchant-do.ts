import { DurableObject } from 'cloudflare:workers';
import { type OutboxOwner, replayEvent, requeueDeliveries } from '../delivery/outbox';
import { log } from '../lib/log';
import { adoptEvent, insertEvent } from './events-store';
import { ALARM_RETRY_MS, deliverWaiting, drainHost, type Host, MIN_REARM_MS, nextWork } from './host';
import { enqueue } from './projection';
import { migrateEvents } from './schema';

/**
 * The merchant's own events, those that belong to no bank account (`endpoint.disabled`): the same
 * events, outbox, projection and alarm as a ledger, without transfers.
 */
export class MerchantDO extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    migrateEvents(this.sql);
    this.sql.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  }

  async emitEndpointDisabled(merchantId: string, endpointId: string): Promise<void> {
    this.remember(merchantId);
    this.ctx.storage.transactionSync(() => {
      insertEvent(this.sql, this.host(), 'endpoint.disabled', { order: null, payment: null, endpoint: { id: endpointId } }, new Date());
    });
    await this.work(false);
  }

  async replay(merchantId: string, event: { id: string; type: string; orderId: string | null; json: string }, endpointIds: string[]) {
    this.remember(merchantId);
    const count = this.ctx.storage.transactionSync(() => {
      adoptEvent(this.sql, event);
      return replayEvent(this.sql, this.outboxOwner(), { id: event.id, orderId: null }, endpointIds, new Date());
    });
    await this.work(false);
    return count;
  }

  async requeue(deliveryIds: string[]): Promise<number> {
    if (!this.merchantId()) return 0;
    const count = this.ctx.storage.transactionSync(() => requeueDeliveries(this.sql, this.outboxOwner(), deliveryIds, new Date()));
    await this.work(false);
    return count;
  }

  override async alarm(): Promise<void> {
    if (!this.merchantId()) return;
    try {
      await drainHost(this.host());
      const capped = await deliverWaiting(this.host());
      await this.work(!capped);
    } catch (error) {
      log('error', 'merchant events alarm failed', { merchantId: this.merchantId(), error: String(error) });
      await this.ctx.storage.setAlarm(Date.now() + ALARM_RETRY_MS);
    }
  }

  private async work(afterRun: boolean): Promise<void> {
    await drainHost(this.host());
    const now = Date.now();
    const next = nextWork(this.host(), [], now);
    if (next !== null) await this.ctx.storage.setAlarm(afterRun ? Math.max(next, now + MIN_REARM_MS) : next);
  }

  private remember(merchantId: string) {
    this.sql.exec("INSERT INTO meta (key, value) VALUES ('merchant', ?) ON CONFLICT DO NOTHING", merchantId);
  }

  private merchantId(): string | null {
    return this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'merchant'").toArray()[0]?.value ?? null;
  }

  private outboxOwner(): OutboxOwner {
    return { merchantId: this.merchantId()!, owner: `merchant:${this.merchantId()}`, project: (record) => enqueue(this.sql, record) };
  }

  // As LedgerDO.host(): each event-holding Durable Object describes itself to the shared host (host.ts) the same way.
  private host(): Host {
    const merchantId = this.merchantId()!;
    return {
      sql: this.sql,
      storage: this.ctx.storage,
      env: this.env,
      merchantId,
      owner: `merchant:${merchantId}`,
      onEndpointDisabled: (endpointId) => this.emitEndpointDisabled(merchantId, endpointId),
    };
  }
}
