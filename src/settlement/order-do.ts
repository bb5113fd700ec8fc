import { DurableObject } from 'cloudflare:workers';
import { newId } from '../db/ids';
import type { Env } from '../env';
import type { Transaction } from '../providers/types';
import type { DeliveryOwner } from './deliver';
import { fanoutEndpoints } from './fanout';
import { maybeFail } from './faults';
import {
  type EventContext,
  type FanoutEndpoint,
  findPayment,
  insertEvent,
  insertPayment,
  kvGet,
  kvSet,
  migrateLedger,
  project,
} from './ledger';
import { afterCommit, armAlarm, runLedgerAlarm } from './ledger-host';
import type { MatchedBy } from './match';
import { loadStoredOrder, type StoredOrder } from './order-source';
import { replayEvent, requeueDeliveries } from './outbox-control';
import { type OrderJson, type PaymentJson, paymentJson } from './records';
import type { SettleResult } from './settle';
import { applyPayment, cancel, expire, isOpen, type OrderState, type OrderStatus, type Transition } from './state';

export interface SettleInput {
  orderId: string;
  merchantId: string;
  tx: Transaction;
  matchedBy: MatchedBy;
  origin: string;
}

export type CancelResult = { ok: true; order: OrderJson } | { ok: false; status: string | null };

/**
 * One per order (idFromName(orderId)): every change of the order happens here, in one synchronous
 * SQLite transaction with its payment, events and outbox rows — so a payment, its events and their
 * deliveries exist together or not at all, and duplicates find the first result.
 */
export class OrderDO extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    migrateLedger(this.sql);
  }

  /** Called right after the order row is created: remembers the order and arms its expiry. */
  async init(stored: StoredOrder): Promise<void> {
    if (!kvGet<StoredOrder>(this.sql, 'order')) kvSet(this.sql, 'order', stored);
    await this.arm();
  }

  async settle(input: SettleInput): Promise<SettleResult> {
    const stored = await this.load(input.orderId, input.origin);
    if (!stored || stored.merchantId !== input.merchantId) throw new Error(`order ${input.orderId} does not belong to ${input.merchantId}`);
    const first = findPayment(this.sql, input.tx.providerAccountId, input.tx.providerTransactionId);
    if (first) return { paymentId: first.id, orderId: input.orderId, duplicate: true };

    const endpoints = await fanoutEndpoints(this.env, stored.merchantId);
    maybeFail('before-commit'); // test-only: a crash here must leave nothing behind (fault-matrix.test.ts)
    // Re-checked inside the transaction: other calls may have run while fan-out was awaited.
    const result = this.ctx.storage.transactionSync(() => {
      const again = findPayment(this.sql, input.tx.providerAccountId, input.tx.providerTransactionId);
      if (again) return { paymentId: again.id, orderId: input.orderId, duplicate: true };
      const now = new Date();
      const payment = paymentJson(newId('pay'), input.tx, input.orderId, input.matchedBy, now.toISOString());
      insertPayment(this.sql, payment, stored.merchantId, input.tx.raw);
      const current = kvGet<StoredOrder>(this.sql, 'order') ?? stored;
      this.commit(current, applyPayment(stateOf(current.order), input.tx.amount, now.toISOString()), endpoints, now, payment);
      return { paymentId: payment.id, orderId: input.orderId, duplicate: false };
    });
    await afterCommit(this.ctx.storage, this.sql, this.env, this.expiryTime());
    maybeFail('after-commit');
    return result;
  }

  async cancel(orderId: string, merchantId: string, origin: string): Promise<CancelResult> {
    const stored = await this.load(orderId, origin);
    if (!stored || stored.merchantId !== merchantId) return { ok: false, status: null };
    const endpoints = await fanoutEndpoints(this.env, stored.merchantId);
    const result = this.ctx.storage.transactionSync((): CancelResult => {
      const current = kvGet<StoredOrder>(this.sql, 'order') ?? stored;
      const transition = cancel(stateOf(current.order));
      if (!transition) return { ok: false, status: current.order.status };
      return { ok: true, order: this.commit(current, transition, endpoints, new Date(), null) };
    });
    if (result.ok) await afterCommit(this.ctx.storage, this.sql, this.env, this.expiryTime());
    return result;
  }

  /** The DO's own view of the order's money and status (the source of truth; D1 is its projection). */
  async current(orderId: string, origin: string): Promise<{ status: string; amount: number; amountPaid: number } | null> {
    const order = (await this.load(orderId, origin))?.order;
    return order ? { status: order.status, amount: order.amount, amountPaid: order.amountPaid } : null;
  }

  async replay(eventId: string, endpointIds: string[]): Promise<number> {
    const identity = this.identity();
    if (!identity) return 0;
    const count = this.ctx.storage.transactionSync(() => replayEvent(this.sql, { ...identity, now: new Date() }, eventId, endpointIds));
    await afterCommit(this.ctx.storage, this.sql, this.env, this.expiryTime());
    return count;
  }

  async requeue(deliveryIds: string[]): Promise<number> {
    const identity = this.identity();
    if (!identity) return 0;
    const count = this.ctx.storage.transactionSync(() => requeueDeliveries(this.sql, { ...identity, now: new Date() }, deliveryIds));
    await afterCommit(this.ctx.storage, this.sql, this.env, this.expiryTime());
    return count;
  }

  override async alarm(): Promise<void> {
    const stored = kvGet<StoredOrder>(this.sql, 'order');
    if (!stored) return;
    try {
      await this.expireIfDue(stored);
    } catch {
      // The ledger alarm below re-arms; expiry is tried again on the next run.
    }
    await runLedgerAlarm(this.deliveryOwner(stored));
    await this.arm();
  }

  private async expireIfDue(stored: StoredOrder): Promise<void> {
    const now = new Date();
    if (!expire(stateOf(stored.order), now.toISOString())) return;
    const endpoints = await fanoutEndpoints(this.env, stored.merchantId);
    this.ctx.storage.transactionSync(() => {
      const current = kvGet<StoredOrder>(this.sql, 'order') ?? stored;
      const transition = expire(stateOf(current.order), now.toISOString());
      if (transition) this.commit(current, transition, endpoints, now, null);
    });
  }

  /** Applies a transition: new order state, its projection, and one event (with outbox rows) per type. Sync. */
  private commit(
    stored: StoredOrder,
    transition: Transition,
    endpoints: FanoutEndpoint[],
    now: Date,
    payment: PaymentJson | null,
  ): OrderJson {
    const order: OrderJson = {
      ...stored.order,
      status: transition.state.status,
      amountPaid: transition.state.amountPaid,
      paidAt: transition.state.paidAt,
    };
    const version = stored.version + 1;
    kvSet(this.sql, 'order', { ...stored, order, version });
    project(
      this.sql,
      'UPDATE orders SET status = ?, amount_paid = ?, paid_at = ?, updated_at = ?, version = ? WHERE id = ? AND version < ?',
      [order.status, order.amountPaid, order.paidAt, now.toISOString(), version, order.id, version],
    );
    const ctx: EventContext = { merchantId: stored.merchantId, owner: `order:${order.id}`, orderId: order.id, endpoints, now };
    for (const type of transition.events) insertEvent(this.sql, ctx, type, { order, payment });
    return order;
  }

  private async load(orderId: string, origin: string): Promise<StoredOrder | null> {
    const stored = kvGet<StoredOrder>(this.sql, 'order');
    if (stored) return stored;
    const loaded = await loadStoredOrder(this.env, orderId, origin);
    if (!loaded) return null;
    if (!kvGet<StoredOrder>(this.sql, 'order')) kvSet(this.sql, 'order', loaded);
    await this.arm();
    return kvGet<StoredOrder>(this.sql, 'order');
  }

  private identity() {
    const stored = kvGet<StoredOrder>(this.sql, 'order');
    return stored ? { merchantId: stored.merchantId, owner: `order:${stored.order.id}`, orderId: stored.order.id } : null;
  }

  private expiryTime(): number | null {
    const stored = kvGet<StoredOrder>(this.sql, 'order');
    return stored && isOpen(stored.order.status as OrderStatus) ? Date.parse(stored.order.expiresAt) : null;
  }

  private arm(): Promise<void> {
    return armAlarm(this.ctx.storage, this.sql, this.expiryTime());
  }

  private deliveryOwner(stored: StoredOrder): DeliveryOwner {
    return {
      sql: this.sql,
      storage: this.ctx.storage,
      env: this.env,
      merchantId: stored.merchantId,
      owner: `order:${stored.order.id}`,
      orderId: stored.order.id,
      onEndpointDisabled: (endpointId) => emitEndpointDisabled(this.env, stored.merchantId, endpointId),
    };
  }
}

function stateOf(order: OrderJson): OrderState {
  return {
    status: order.status as OrderStatus,
    amount: order.amount,
    amountPaid: order.amountPaid,
    paidAt: order.paidAt,
    expiresAt: order.expiresAt,
  };
}

/** `endpoint.disabled` belongs to no order: the merchant's own ledger DO records and delivers it. */
export async function emitEndpointDisabled(env: Env, merchantId: string, endpointId: string): Promise<void> {
  const stub = env.ACCOUNT_DO.get(env.ACCOUNT_DO.idFromName(`merchant:${merchantId}`));
  await stub.emitEndpointDisabled(merchantId, endpointId);
}
