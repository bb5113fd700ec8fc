import { DurableObject } from 'cloudflare:workers';
import { type OutboxOwner, replayEvent, requeueDeliveries } from '../delivery/outbox';
import { maybeFail } from '../lib/faults';
import { newId } from '../lib/ids';
import { log } from '../lib/log';
import type { Order, OrderStatus } from '../schemas/order';
import type { MatchedBy, Payment } from '../schemas/payment';
import { expiryGraceMs } from './clock';
import { type CreditMessage, creditFailed, creditSent, dueCredits, firstCredit, nextCreditTime, queueCredit } from './credits';
import { adoptEvent, insertEvent } from './events-store';
import { type FoundOrder, lookupOrders } from './fallback';
import { ALARM_RETRY_MS, deliverWaiting, drainHost, type Host, MIN_REARM_MS, nextWork } from './host';
import { identify } from './identify';
import { importFromD1 } from './import';
import { firstMatch, type MatchKey, matchKeys } from './match';
import {
  getLedgerOrder,
  type LedgerOrder,
  nextExpiry,
  openOrdersExpiringBy,
  orderByKey,
  orderJson,
  registerOrder,
  saveOrderState,
} from './orders-store';
import {
  addReport,
  fillMissing,
  getLedgerPayment,
  insertPayment,
  type LedgerPayment,
  paymentJson,
  savePayment,
  setMatch,
} from './payments-store';
import { enqueue } from './projection';
import type { LedgerReport, OrderEntry, ReportOutcome } from './records';
import { migrateLedger } from './schema';
import { applyTransfer, cancelAt, expireIfDue, type Transition } from './state';
import { ledgerStub, merchantStub } from './stubs';

export interface ReceiveInput {
  merchantId: string;
  ledger: string;
  reports: LedgerReport[];
  /** Where our URLs live, for orders adopted from D1. */
  origin: string;
  /** Settle onto this order whatever the reports say (sandbox pay, a provider's own per-order status). */
  force?: { order: OrderEntry; matchedBy: MatchedBy };
  /** Wait for the D1 projection before answering (API actions); callbacks never wait for it. */
  projected?: boolean;
}

export type CancelResult = { ok: true; order: Order } | { ok: false; status: OrderStatus | null };
export type AssignResult = { ok: true; payment: Payment } | { ok: false; reason: 'not_found' | 'already_assigned' };

/** An order a report matched: registered here, or in another ledger (credited there). */
type Target = { local: LedgerOrder; matchedBy: MatchedBy } | { remote: OrderEntry; matchedBy: MatchedBy };

const EXPIRE_BATCH = 100;

/**
 * The ledger of one receiving bank account of one merchant (DESIGN.md): the single writer of that
 * account's transfers. Identity, matching, payment, order transition, events and outbox rows are written
 * in one synchronous SQLite transaction with no await inside; D1 projection, fan-out, credits to other
 * ledgers and deliveries run after the commit. Every report (callback, reconciliation, sandbox) enters here.
 */
export class LedgerDO extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private ready: Promise<void> | null = null;
  private draining: Promise<void> | null = null;
  private drainAgain = false;
  private known: { merchantId: string; ledger: string } | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    migrateLedger(this.sql);
  }

  /** Registers an order before its QR is handed out (idempotent), and arms the alarm for its expiry. */
  async register(entry: OrderEntry): Promise<void> {
    await this.open(entry.merchantId, entry.ledger);
    this.ctx.storage.transactionSync(() => registerOrder(this.sql, entry));
    await this.arm(false);
  }

  /** Records verified reports; resolves once they are committed (callers acknowledge the provider after this). */
  async receive(input: ReceiveInput): Promise<ReportOutcome[]> {
    await this.open(input.merchantId, input.ledger);
    // D1 only when the index misses (an order registered elsewhere, a lost registration), and never inside the transaction.
    const wanted = input.reports.map((report) => this.lookupKeys(report, input.force));
    const found = wanted.some((keys) => keys.length > 0) ? await lookupOrders(this.env, input.merchantId, wanted, input.origin) : [];
    maybeFail('before-commit');
    const forwarded = await this.forward(input, found);
    const grace = expiryGraceMs(this.env);
    const outcomes = this.ctx.storage.transactionSync(() =>
      input.reports.map((report, i) => forwarded[i] ?? this.apply(report, input.force, found[i] ?? null, grace)),
    );
    const drained = this.kick();
    if (input.projected) await drained;
    maybeFail('after-commit');
    return outcomes;
  }

  /**
   * A new transfer that D1 matched to an order of another ledger belongs with that order: that ledger records
   * it (and recognises it, however many feeds report it there), this one records nothing. Returns the outcome
   * of each forwarded report.
   */
  private async forward(input: ReceiveInput, found: (FoundOrder | null)[]): Promise<(ReportOutcome | undefined)[]> {
    const ledger = this.identity()!.ledger;
    const outcomes: (ReportOutcome | undefined)[] = [];
    await Promise.all(
      input.reports.map(async (report, i) => {
        const hit = found[i];
        if (!hit || hit.order.ledger === ledger || identify(this.sql, report)) return;
        const [outcome] = await ledgerStub(this.env, hit.order.ledger).receive({
          merchantId: input.merchantId,
          ledger: hit.order.ledger,
          reports: [report],
          origin: input.origin,
          force: { order: hit.order, matchedBy: hit.matchedBy },
          projected: input.projected,
        });
        outcomes[i] = outcome;
      }),
    );
    return outcomes;
  }

  /** A payment recorded by another ledger that pays one of this ledger's orders; applied once. */
  async credit(message: CreditMessage): Promise<void> {
    await this.open(message.order.merchantId, message.order.ledger);
    const grace = expiryGraceMs(this.env);
    this.ctx.storage.transactionSync(() => {
      if (!firstCredit(this.sql, message.payment.id, message.order.id, message.payment.amount)) return;
      registerOrder(this.sql, message.order);
      const order = getLedgerOrder(this.sql, message.order.id)!;
      this.transfer(order, message.payment, message.countsAt, grace, new Date());
    });
    await this.kick();
  }

  async cancel(entry: OrderEntry): Promise<CancelResult> {
    await this.open(entry.merchantId, entry.ledger);
    const grace = expiryGraceMs(this.env);
    const result = this.ctx.storage.transactionSync((): CancelResult => {
      registerOrder(this.sql, entry);
      const order = getLedgerOrder(this.sql, entry.id)!;
      const transition = cancelAt(order, Date.now(), grace);
      if (!transition) return { ok: false, status: order.status };
      const saved = this.commit(order, transition, null, new Date());
      return transition.state.status === 'canceled' ? { ok: true, order: orderJson(saved) } : { ok: false, status: saved.status };
    });
    await this.kick();
    return result;
  }

  /** The merchant's `assign`: an unmatched payment of this ledger joins the order (matchedBy "manual"), once. */
  async assign(merchantId: string, ledger: string, paymentId: string, entry: OrderEntry): Promise<AssignResult> {
    await this.open(merchantId, ledger);
    const grace = expiryGraceMs(this.env);
    const result = this.ctx.storage.transactionSync((): AssignResult => {
      const payment = getLedgerPayment(this.sql, paymentId);
      if (!payment) return { ok: false, reason: 'not_found' };
      if (payment.orderId) return { ok: false, reason: 'already_assigned' };
      this.attach(payment, this.resolve(entry, 'manual'), grace, new Date());
      return { ok: true, payment: paymentJson(this.sql, paymentId) };
    });
    await this.kick();
    return result;
  }

  /** Replay: the event's deliveries to these endpoints are due again now (an event known only to D1 is adopted). */
  async replay(
    merchantId: string,
    ledger: string,
    event: { id: string; type: string; orderId: string | null; json: string },
    endpointIds: string[],
  ): Promise<number> {
    await this.open(merchantId, ledger);
    const count = this.ctx.storage.transactionSync(() => {
      adoptEvent(this.sql, event);
      return replayEvent(this.sql, this.outboxOwner(), { id: event.id, orderId: event.orderId }, endpointIds, new Date());
    });
    await this.kick();
    return count;
  }

  async requeue(deliveryIds: string[]): Promise<number> {
    if (!this.identity()) return 0;
    const count = this.ctx.storage.transactionSync(() => requeueDeliveries(this.sql, this.outboxOwner(), deliveryIds, new Date()));
    await this.kick();
    return count;
  }

  override async alarm(): Promise<void> {
    if (!this.identity()) return;
    try {
      await this.open();
      this.announceExpiries();
      await this.drain();
      const capped = await deliverWaiting(this.host());
      await this.drain();
      await this.arm(!capped);
    } catch (error) {
      log('error', 'ledger alarm failed', { ledger: this.identity()?.ledger, error: String(error) });
      await this.ctx.storage.setAlarm(Date.now() + ALARM_RETRY_MS);
    }
  }

  // ---- the transaction's steps (synchronous)

  /** Match keys worth a D1 lookup: the report is new or parked, may be matched, and the index has no order for it. */
  private lookupKeys(report: LedgerReport, force: ReceiveInput['force']): MatchKey[] {
    if (force || report.foreign) return [];
    const keys = matchKeys(report);
    if (keys.length === 0 || firstMatch(keys, (key) => orderByKey(this.sql, key))) return [];
    const known = identify(this.sql, report);
    return known && getLedgerPayment(this.sql, known)?.orderId ? [] : keys;
  }

  private apply(report: LedgerReport, force: ReceiveInput['force'], fallback: FoundOrder | null, grace: number): ReportOutcome {
    const now = new Date();
    const knownId = identify(this.sql, report);
    if (knownId) {
      const listed = addReport(this.sql, knownId, report);
      const filled = fillMissing(this.sql, knownId, report);
      const payment = getLedgerPayment(this.sql, knownId)!;
      const target = payment.orderId || report.foreign ? null : this.target(report, force, fallback);
      if (target) this.attach(payment, target, grace, now);
      else if (listed || filled) savePayment(this.sql, knownId, this.owner());
      return { paymentId: knownId, orderId: getLedgerPayment(this.sql, knownId)!.orderId, known: true };
    }
    const id = newId('pay');
    insertPayment(this.sql, id, report);
    const target = report.foreign ? null : this.target(report, force, fallback);
    const payment = getLedgerPayment(this.sql, id)!;
    if (target) this.attach(payment, target, grace, now);
    else
      insertEvent(this.sql, this.eventOwner(), 'payment.unmatched', { order: null, payment: savePayment(this.sql, id, this.owner()) }, now);
    return { paymentId: id, orderId: getLedgerPayment(this.sql, id)!.orderId, known: false };
  }

  private target(report: LedgerReport, force: ReceiveInput['force'], fallback: FoundOrder | null): Target | null {
    if (force) return this.resolve(force.order, force.matchedBy);
    const hit = firstMatch(matchKeys(report), (key) => orderByKey(this.sql, key));
    if (hit) return { local: hit.found, matchedBy: hit.matchedBy };
    return fallback ? this.resolve(fallback.order, fallback.matchedBy) : null;
  }

  /** An order known from D1 (or the caller): adopted into this ledger's index if it belongs here. */
  private resolve(entry: OrderEntry, matchedBy: MatchedBy): Target {
    if (entry.ledger !== this.identity()?.ledger) return { remote: entry, matchedBy };
    registerOrder(this.sql, entry);
    return { local: getLedgerOrder(this.sql, entry.id)!, matchedBy };
  }

  /** The payment joins its order: here in the same transaction, or by a credit to the order's ledger. */
  private attach(payment: LedgerPayment, target: Target, grace: number, now: Date): void {
    if ('local' in target) {
      setMatch(this.sql, payment.id, target.local.id, null, target.matchedBy);
      const json = savePayment(this.sql, payment.id, this.owner());
      this.transfer(target.local, json, payment.countsAt, grace, now);
      return;
    }
    setMatch(this.sql, payment.id, target.remote.id, target.remote.ledger, target.matchedBy);
    const json = savePayment(this.sql, payment.id, this.owner());
    queueCredit(this.sql, target.remote.ledger, { payment: json, countsAt: payment.countsAt, order: target.remote }, now.getTime());
  }

  /** A transfer into an order: an expiry the clock decided first (announced now), then the payment's transition. */
  private transfer(order: LedgerOrder, payment: Payment, countsAt: number, grace: number, now: Date): void {
    const expiry = expireIfDue(order, countsAt, grace);
    const current = expiry ? this.commit(order, expiry, null, now) : order;
    this.commit(current, applyTransfer(current, payment.amount, countsAt, grace), payment, now);
  }

  /** Saves a transition and records its events. */
  private commit(order: LedgerOrder, transition: Transition, payment: Payment | null, now: Date): LedgerOrder {
    const saved = saveOrderState(this.sql, order, transition.state, now);
    const data = { order: orderJson(saved), payment };
    for (const type of transition.events) insertEvent(this.sql, this.eventOwner(), type, data, now);
    return saved;
  }

  /** The alarm announces what the clock decided: open orders past expiry and grace become expired, once. */
  private announceExpiries(): void {
    const grace = expiryGraceMs(this.env);
    const now = Date.now();
    this.ctx.storage.transactionSync(() => {
      for (const order of openOrdersExpiringBy(this.sql, now - grace, EXPIRE_BATCH)) {
        const expiry = expireIfDue(order, now, grace);
        if (expiry) this.commit(order, expiry, null, new Date(now));
      }
    });
  }

  // ---- after the commit

  /** Starts (or extends) draining projection, fan-out and credits; resolves when it is done. Never rejects. */
  private kick(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      // After the current turn: the caller's answer (a provider's ack) never waits for, or shares a turn with, D1.
      await new Promise((resolve) => setTimeout(resolve, 0));
      try {
        do {
          this.drainAgain = false;
          await this.drain();
          await this.arm(false);
        } while (this.drainAgain);
      } catch (error) {
        log('error', 'ledger drain failed', { ledger: this.identity()?.ledger, error: String(error) });
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  private async drain(): Promise<void> {
    await drainHost(this.host());
    await this.sendCredits();
  }

  private async sendCredits(): Promise<void> {
    const now = Date.now();
    for (const due of dueCredits(this.sql, now)) {
      try {
        await ledgerStub(this.env, due.ledger).credit(due.message);
        creditSent(this.sql, due.paymentId);
      } catch (error) {
        log('warn', 'credit to another ledger failed; will retry', { to: due.ledger, payment: due.paymentId, error: String(error) });
        creditFailed(this.sql, due.paymentId, due.attempts, now);
      }
    }
  }

  /** Arms the alarm for the earliest work; after an alarm run, never sooner than MIN_REARM_MS. */
  private async arm(afterRun: boolean): Promise<void> {
    const now = Date.now();
    const expiry = nextExpiry(this.sql);
    const next = nextWork(this.host(), [expiry === null ? null : expiry + expiryGraceMs(this.env), nextCreditTime(this.sql)], now);
    if (next === null) return;
    const at = afterRun ? Math.max(next, now + MIN_REARM_MS) : next;
    const current = await this.ctx.storage.getAlarm();
    if (afterRun || current === null || at < current) await this.ctx.storage.setAlarm(at);
  }

  // ---- identity of this ledger

  /** Remembers whose ledger this is, and imports what D1 knows of its account once (migration from per-order state). */
  private async open(merchantId?: string, ledger?: string): Promise<void> {
    if (merchantId && ledger && !this.identity()) {
      this.sql.exec("INSERT INTO meta (key, value) VALUES ('identity', ?) ON CONFLICT DO NOTHING", JSON.stringify({ merchantId, ledger }));
      this.known = null;
    }
    this.ready ??= importFromD1(this.sql, this.ctx.storage, this.env, this.identity());
    try {
      await this.ready;
    } catch (error) {
      this.ready = null;
      throw error;
    }
  }

  /** Whose ledger this is; set once, never changed, so it is read from storage once per instance. */
  private identity(): { merchantId: string; ledger: string } | null {
    if (this.known) return this.known;
    const row = this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'identity'").toArray()[0];
    this.known = row ? (JSON.parse(row.value) as { merchantId: string; ledger: string }) : null;
    return this.known;
  }

  private owner() {
    const identity = this.identity()!;
    return { merchantId: identity.merchantId, ledger: identity.ledger };
  }

  private eventOwner() {
    const identity = this.identity()!;
    return { merchantId: identity.merchantId, owner: `ledger:${identity.ledger}` };
  }

  private outboxOwner(): OutboxOwner {
    return { ...this.eventOwner(), project: (record) => enqueue(this.sql, record) };
  }

  private host(): Host {
    const identity = this.identity()!;
    return {
      sql: this.sql,
      storage: this.ctx.storage,
      env: this.env,
      merchantId: identity.merchantId,
      owner: `ledger:${identity.ledger}`,
      onEndpointDisabled: (endpointId) => merchantStub(this.env, identity.merchantId).emitEndpointDisabled(identity.merchantId, endpointId),
    };
  }
}
