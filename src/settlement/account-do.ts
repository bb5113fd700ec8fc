import { DurableObject } from 'cloudflare:workers';
import { newId } from '../db/ids';
import type { Env } from '../env';
import type { Transaction } from '../providers/types';
import { fanoutEndpoints } from './fanout';
import { findPayment, insertEvent, insertPayment, kvGet, kvSet, migrateLedger } from './ledger';
import { afterCommit, runLedgerAlarm } from './ledger-host';
import { replayEvent, requeueDeliveries } from './outbox-control';
import { paymentJson } from './records';
import type { SettleResult } from './settle';

interface Identity {
  merchantId: string;
  owner: string;
}

/**
 * The ledger of everything that belongs to no order: one per provider account (`account:<id>`) parks
 * transactions that matched no order, exactly once; one per merchant (`merchant:<id>`) records
 * `endpoint.disabled`. Same storage, outbox and alarm as an order DO.
 */
export class AccountDO extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    migrateLedger(this.sql);
  }

  async recordUnmatched(merchantId: string, tx: Transaction): Promise<SettleResult> {
    this.remember({ merchantId, owner: `account:${tx.providerAccountId}` });
    const first = findPayment(this.sql, tx.providerAccountId, tx.providerTransactionId);
    if (first) return { paymentId: first.id, orderId: null, duplicate: true };
    const endpoints = await fanoutEndpoints(this.env, merchantId);
    const result = this.ctx.storage.transactionSync(() => {
      const again = findPayment(this.sql, tx.providerAccountId, tx.providerTransactionId);
      if (again) return { paymentId: again.id, orderId: null, duplicate: true };
      const now = new Date();
      const payment = paymentJson(newId('pay'), tx, null, null, now.toISOString());
      insertPayment(this.sql, payment, merchantId, tx.raw);
      const ctx = { merchantId, owner: `account:${tx.providerAccountId}`, orderId: null, endpoints, now };
      insertEvent(this.sql, ctx, 'payment.unmatched', { order: null, payment });
      return { paymentId: payment.id, orderId: null, duplicate: false };
    });
    await afterCommit(this.ctx.storage, this.sql, this.env);
    return result;
  }

  async emitEndpointDisabled(merchantId: string, endpointId: string): Promise<void> {
    this.remember({ merchantId, owner: `merchant:${merchantId}` });
    const endpoints = await fanoutEndpoints(this.env, merchantId);
    this.ctx.storage.transactionSync(() => {
      const ctx = { merchantId, owner: `merchant:${merchantId}`, orderId: null, endpoints, now: new Date() };
      insertEvent(this.sql, ctx, 'endpoint.disabled', { order: null, payment: null, endpoint: { id: endpointId } });
    });
    await afterCommit(this.ctx.storage, this.sql, this.env);
  }

  async replay(eventId: string, endpointIds: string[]): Promise<number> {
    const identity = kvGet<Identity>(this.sql, 'identity');
    if (!identity) return 0;
    const count = this.ctx.storage.transactionSync(() =>
      replayEvent(this.sql, { ...identity, orderId: null, now: new Date() }, eventId, endpointIds),
    );
    await afterCommit(this.ctx.storage, this.sql, this.env);
    return count;
  }

  async requeue(deliveryIds: string[]): Promise<number> {
    const identity = kvGet<Identity>(this.sql, 'identity');
    if (!identity) return 0;
    const count = this.ctx.storage.transactionSync(() =>
      requeueDeliveries(this.sql, { ...identity, orderId: null, now: new Date() }, deliveryIds),
    );
    await afterCommit(this.ctx.storage, this.sql, this.env);
    return count;
  }

  override async alarm(): Promise<void> {
    const identity = kvGet<Identity>(this.sql, 'identity');
    if (!identity) return;
    await runLedgerAlarm({
      sql: this.sql,
      storage: this.ctx.storage,
      env: this.env,
      ...identity,
      orderId: null,
      onEndpointDisabled: (endpointId) => this.emitEndpointDisabled(identity.merchantId, endpointId),
    });
    await afterCommit(this.ctx.storage, this.sql, this.env);
  }

  private remember(identity: Identity): void {
    if (!kvGet<Identity>(this.sql, 'identity')) kvSet(this.sql, 'identity', identity);
  }
}
