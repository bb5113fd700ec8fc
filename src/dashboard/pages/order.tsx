import type { DeliveryRow } from '../../db/deliveries';
import type { AttemptRow, EventRow } from '../../db/events';
import { isOpen } from '../../ledger/clock';
import type { Order, OrderStatus } from '../../schemas/order';
import type { Payment } from '../../schemas/payment';
import { ActionButton, Copyable, Input, Notice, PostForm, Row, StatusBadge } from '../components';
import type { DashContext } from '../context';
import { formatTime, formatVnd } from '../format';
import { Layout } from '../layout';
import { AttemptLines, DeliveryStatus, nextRetry } from './delivery-parts';

// Per-page markup: tables, cards and forms shaped like the other pages' (shared pieces: ../components.tsx).
export interface OrderView {
  order: Order;
  status: OrderStatus;
  accountName: string;
  canRefresh: boolean;
  testMode: boolean;
  events: EventRow[];
  payments: Payment[];
  deliveries: { row: DeliveryRow; endpointUrl: string; attempts: AttemptRow[] }[];
}

export interface OrderPageMessages {
  notice?: string;
  error?: string;
  simulateError?: string;
  simulateAmount?: string;
}

// Events of one instant in the order they happen: the money first, then what it did to the order.
const EVENT_RANK: Record<string, number> = { 'payment.received': 0, 'payment.unmatched': 0, 'order.partially_paid': 1, 'order.paid': 2 };
const chronological = (events: EventRow[]) =>
  [...events].sort((a, b) => a.created_at.localeCompare(b.created_at) || (EVENT_RANK[a.type] ?? 3) - (EVENT_RANK[b.type] ?? 3));

export function OrderPage(c: DashContext, v: OrderView, m: OrderPageMessages = {}) {
  const t = c.get('t');
  const csrf = c.get('csrf');
  const o = v.order;
  const base = `/dashboard/orders/${o.id}`;
  const open = isOpen(v.status);
  const due = Math.max(0, o.amount - o.amountPaid);
  return (
    <Layout c={c} title={`${t.order.title} ${o.reference}`} section="orders">
      <h1>
        {t.order.title} {o.reference} <StatusBadge status={v.status} t={t} />
      </h1>
      {m.notice ? <Notice>{m.notice}</Notice> : null}
      {m.error ? <Notice kind="bad">{m.error}</Notice> : null}
      <div class="grid side">
        <section class="card">
          <figure class={open ? 'qr' : 'qr done'}>
            <img src={`/qr/${o.id}.svg?size=320`} width="320" height="320" alt={t.order.qrAlt(o.paymentCode, formatVnd(o.amount))} />
            <figcaption>{o.paymentCode}</figcaption>
            {open ? null : <p class="done-note">{t.order.qrClosed(t.status[v.status])}</p>}
          </figure>
          <p class="actions">
            <a class="button secondary small" href={o.checkoutUrl}>
              {t.order.openCheckout}
            </a>
            <button type="button" class="secondary small" data-copy={o.checkoutUrl} hidden>
              {t.order.copyCheckout}
            </button>
          </p>
        </section>
        <section class="card">
          <div class="stats three">
            <div class="stat">
              <div class="label">{t.orders.amount}</div>
              <div class="value">{formatVnd(o.amount)}</div>
            </div>
            <div class="stat">
              <div class="label">{t.order.received}</div>
              <div class="value">{formatVnd(o.amountPaid)}</div>
            </div>
            <div class="stat">
              <div class="label">{o.amountPaid > o.amount ? t.order.overpaid : t.order.due}</div>
              <div class="value">{formatVnd(o.amountPaid > o.amount ? o.amountPaid - o.amount : due)}</div>
            </div>
          </div>
          <dl>
            <Row label={t.orders.paymentCode}>
              <Copyable value={o.paymentCode} label={t.orders.paymentCode} t={t} />
            </Row>
            <Row label={t.order.transferContent}>
              <Copyable value={o.transferContent} label={t.order.transferContent} t={t} />
            </Row>
            <Row label={t.order.bank}>{`${o.bank.shortName} · ${o.bank.name}`}</Row>
            <Row label={t.order.accountNumber}>
              <Copyable value={o.bank.accountNumber} label={t.order.accountNumber} t={t} />
            </Row>
            <Row label={t.order.accountName}>{o.bank.accountName}</Row>
            <Row label={t.order.providerAccount}>{v.accountName}</Row>
            {o.description ? <Row label={t.orders.description}>{o.description}</Row> : null}
            <Row label={t.order.expiresAt}>{formatTime(o.expiresAt)}</Row>
            <Row label={t.orders.created}>{formatTime(o.createdAt)}</Row>
            <Row label={t.order.paidAt}>{formatTime(o.paidAt)}</Row>
            <Row label={t.order.checkoutLink}>
              <Copyable value={o.checkoutUrl} label={t.order.checkoutLink} t={t} />
            </Row>
            <Row label="ID">
              <code>{o.id}</code>
            </Row>
          </dl>
        </section>
      </div>
      {open ? (
        <section class="card" aria-labelledby="actions-h">
          <h2 id="actions-h">{t.order.actions}</h2>
          <div class="actions">
            {v.canRefresh ? <ActionButton action={`${base}/refresh`} csrf={csrf} label={t.order.refresh} kind="secondary" /> : null}
            <ActionButton action={`${base}/cancel`} csrf={csrf} label={t.order.cancel} kind="danger" confirm={t.order.cancelConfirm} />
          </div>
          {v.canRefresh ? null : <p class="muted small">{t.order.noRefresh}</p>}
          {v.testMode ? (
            <PostForm action={`${base}/simulate`} csrf={csrf}>
              <h3>{t.order.simulate}</h3>
              <p class="muted small">{t.order.simulateHint}</p>
              <Input
                name="amount"
                label={t.order.simulateAmount}
                value={m.simulateAmount ?? ''}
                error={m.simulateError}
                inputmode="numeric"
                placeholder={String(due)}
              />
              <button type="submit">{t.order.simulateButton}</button>
            </PostForm>
          ) : null}
        </section>
      ) : null}
      <section class="card" aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t.order.timeline}</h2>
        <ol class="timeline">
          <li>
            <strong>{t.order.created}</strong> <span class="muted">{formatTime(o.createdAt)}</span>
          </li>
          {chronological(v.events).map((event) => (
            <li>
              <strong>{t.events[event.type as keyof typeof t.events] ?? event.type}</strong>{' '}
              <span class="muted">{formatTime(event.created_at)}</span> <code class="small muted">{event.id}</code>
            </li>
          ))}
          {v.status === 'expired' && !v.events.some((event) => event.type === 'order.expired') ? (
            <li>
              <strong>{t.status.expired}</strong> <span class="muted">{formatTime(o.expiresAt)}</span>
            </li>
          ) : null}
        </ol>
      </section>
      <section class="card" aria-labelledby="payments-h">
        <h2 id="payments-h">{t.order.payments}</h2>
        {v.payments.length === 0 ? <p class="muted">{t.order.noPayments}</p> : null}
        {v.payments.map((payment) => (
          <article class="card">
            <div class="head">
              <strong class="big">{formatVnd(payment.amount)}</strong>
              <a href={`/dashboard/payments/${payment.id}`}>{t.payments.details}</a>
            </div>
            <dl>
              <Row label={t.payments.received}>{formatTime(payment.receivedAt)}</Row>
              <Row label={t.payments.content}>{payment.content}</Row>
              <Row label={t.payments.matchedBy}>{payment.matchedBy ? t.payments.matchedHow[payment.matchedBy] : '—'}</Row>
              <Row label={t.payments.reports}>
                <ul class="attempts">
                  {payment.reports.map((report) => (
                    <li>
                      {t.payments.via[report.via]} · {report.provider} · <code>{report.providerTransactionId}</code> ·{' '}
                      {formatTime(report.receivedAt)}
                    </li>
                  ))}
                </ul>
              </Row>
            </dl>
          </article>
        ))}
      </section>
      <section class="card" aria-labelledby="deliveries-h">
        <h2 id="deliveries-h">{t.order.deliveries}</h2>
        {v.deliveries.length === 0 ? <p class="muted">{t.order.noDeliveries}</p> : null}
        {v.deliveries.length > 0 ? (
          <table class="cards">
            <thead>
              <tr>
                <th>{t.deliveries.event}</th>
                <th>{t.deliveries.endpoint}</th>
                <th>{t.deliveries.statusLabel}</th>
                <th>{t.deliveries.attempts}</th>
                <th>{t.deliveries.nextRetry}</th>
              </tr>
            </thead>
            <tbody>
              {v.deliveries.map(({ row, endpointUrl, attempts }) => (
                <tr>
                  <td data-label={t.deliveries.event}>{t.events[row.event_type as keyof typeof t.events] ?? row.event_type}</td>
                  <td data-label={t.deliveries.endpoint}>
                    <a href={`/dashboard/endpoints/${row.endpoint_id}/deliveries/${row.id}`}>{endpointUrl}</a>
                  </td>
                  <td data-label={t.deliveries.statusLabel}>
                    <DeliveryStatus row={row} t={t} />
                  </td>
                  <td data-label={t.deliveries.attempts}>
                    <AttemptLines attempts={attempts} t={t} />
                  </td>
                  <td data-label={t.deliveries.nextRetry}>{nextRetry(row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </Layout>
  );
}
