import type { OrderRow } from '../../db/orders';
import type { OrderClock } from '../../ledger/clock';
import type { Payment } from '../../schemas/payment';
import { ActionButton, Badge, Notice, Row, StatusBadge } from '../components';
import type { DashContext } from '../context';
import { formatTime, formatVnd } from '../format';
import { Layout } from '../layout';

// Per-page markup: tables, cards and forms shaped like the other pages' (shared pieces: ../components.tsx).
export interface PaymentView {
  payment: Payment;
  raw: string | null;
  order: { id: string; reference: string } | null;
  accountName: string;
  /** The assign search: what was typed and the orders it found. */
  q: string | undefined;
  candidates: OrderRow[];
  clock: OrderClock;
}

/** The provider's body as received, indented when it is JSON (it is shown for audit, never interpreted). */
function prettyRaw(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

export function PaymentPage(c: DashContext, v: PaymentView, m: { notice?: string; error?: string } = {}) {
  const t = c.get('t');
  const p = v.payment;
  return (
    <Layout c={c} title={`${t.payments.one} ${formatVnd(p.amount)}`} section="payments">
      <h1>
        {t.payments.one} {formatVnd(p.amount)}{' '}
        {p.orderId ? <Badge kind="ok">{t.payments.matched}</Badge> : <Badge kind="bad">{t.payments.unmatchedOne}</Badge>}
      </h1>
      {m.notice ? <Notice>{m.notice}</Notice> : null}
      {m.error ? <Notice kind="bad">{m.error}</Notice> : null}
      <div class="grid two">
        <section class="card">
          <dl>
            <Row label={t.payments.order}>
              {v.order ? (
                <a href={`/dashboard/orders/${v.order.id}`}>{v.order.reference}</a>
              ) : (
                <span class="muted">{t.payments.noOrder}</span>
              )}
            </Row>
            <Row label={t.payments.matchedBy}>{p.matchedBy ? t.payments.matchedHow[p.matchedBy] : '—'}</Row>
            <Row label={t.payments.content}>{p.content}</Row>
            <Row label={t.payments.received}>{formatTime(p.receivedAt)}</Row>
            <Row label={t.payments.occurred}>{formatTime(p.occurredAt)}</Row>
            <Row label={t.payments.bankReference}>{p.bankReference ?? '—'}</Row>
            <Row label={t.order.accountNumber}>{p.accountNumber ?? '—'}</Row>
            <Row label={t.payments.counterAccount}>
              {p.counterAccount
                ? [p.counterAccount.name, p.counterAccount.accountNumber, p.counterAccount.bankBin].filter(Boolean).join(' · ')
                : '—'}
            </Row>
            <Row label={t.order.providerAccount}>{v.accountName}</Row>
            <Row label={t.payments.transactionId}>
              <code>{p.providerTransactionId}</code>
            </Row>
            <Row label="ID">
              <code>{p.id}</code>
            </Row>
          </dl>
        </section>
        <section class="card" aria-labelledby="reports-h">
          <h2 id="reports-h">{t.payments.reports}</h2>
          <p class="muted small">{t.payments.reportsHint}</p>
          <ul class="attempts">
            {p.reports.map((report) => (
              <li>
                {t.payments.via[report.via]} · {report.provider} · <code>{report.providerTransactionId}</code> ·{' '}
                {formatTime(report.receivedAt)}
              </li>
            ))}
          </ul>
        </section>
      </div>
      {p.orderId ? null : (
        <section class="card" aria-labelledby="assign-h">
          <h2 id="assign-h">{t.payments.assignTitle}</h2>
          <p class="muted">{t.payments.assignHint}</p>
          <form method="get" action={`/dashboard/payments/${p.id}`} class="filters">
            <div class="field">
              <label for="f-q">{t.payments.findOrder}</label>
              <input
                id="f-q"
                name="q"
                type="search"
                value={v.q ?? ''}
                maxlength={64}
                required
                placeholder={t.orders.searchPlaceholder}
                spellcheck={false}
                autocomplete="off"
              />
            </div>
            <button type="submit" class="secondary">
              {t.payments.search}
            </button>
          </form>
          {v.q !== undefined && v.candidates.length === 0 ? <p class="muted">{t.orders.noneFound}</p> : null}
          {v.candidates.length > 0 ? (
            <table class="cards">
              <thead>
                <tr>
                  <th>{t.orders.reference}</th>
                  <th>{t.orders.paymentCode}</th>
                  <th class="num">{t.orders.amount}</th>
                  <th>{t.orders.status}</th>
                  <th>
                    <span class="sr-only">{t.payments.assign}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {v.candidates.map((order) => (
                  <tr>
                    <td data-label={t.orders.reference}>
                      <a href={`/dashboard/orders/${order.id}`}>{order.reference}</a>
                    </td>
                    <td data-label={t.orders.paymentCode}>
                      <code>{order.payment_code}</code>
                    </td>
                    <td class="num" data-label={t.orders.amount}>
                      {formatVnd(order.amount)}
                    </td>
                    <td data-label={t.orders.status}>
                      <StatusBadge status={v.clock.status(order)} t={t} />
                    </td>
                    <td data-label={t.payments.assign}>
                      <ActionButton
                        action={`/dashboard/payments/${p.id}/assign`}
                        csrf={c.get('csrf')}
                        label={t.payments.assignTo(order.reference)}
                        hidden={{ orderId: order.id }}
                        confirm={t.payments.assignConfirm(formatVnd(p.amount), order.reference)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      )}
      <section class="card" aria-labelledby="raw-h">
        <h2 id="raw-h">{t.payments.raw}</h2>
        <p class="muted small">{t.payments.rawHint}</p>
        {v.raw ? <pre>{prettyRaw(v.raw)}</pre> : <p class="muted">—</p>}
      </section>
    </Layout>
  );
}
