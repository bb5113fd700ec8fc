import type { OrderRow } from '../../db/orders';
import type { OrderClock } from '../../ledger/clock';
import { Pager, StatusBadge } from '../components';
import type { DashContext } from '../context';
import { formatTime, formatVnd } from '../format';
import { Layout } from '../layout';

// Per-page markup: tables, cards and forms shaped like the other pages' (shared pieces: ../components.tsx).
export const STATUSES = ['pending', 'partially_paid', 'paid', 'expired', 'canceled'] as const;

export interface OrdersListProps {
  rows: OrderRow[];
  nextCursor: string | null;
  status: string | undefined;
  q: string | undefined;
  cursor: string | undefined;
  clock: OrderClock;
}

export function OrdersListPage(c: DashContext, p: OrdersListProps) {
  const t = c.get('t');
  return (
    <Layout c={c} title={t.orders.title} section="orders">
      <div class="head">
        <h1>{t.orders.title}</h1>
        <a class="button" href="/dashboard/orders/new">
          {t.orders.new}
        </a>
      </div>
      <form method="get" action="/dashboard/orders" class="card filters">
        <div class="field">
          <label for="f-q">{t.orders.search}</label>
          <input
            id="f-q"
            name="q"
            type="search"
            value={p.q ?? ''}
            maxlength={64}
            placeholder={t.orders.searchPlaceholder}
            spellcheck={false}
            autocomplete="off"
          />
        </div>
        <div class="field">
          <label for="f-status">{t.orders.status}</label>
          <select id="f-status" name="status">
            <option value="">{t.orders.anyStatus}</option>
            {STATUSES.map((status) => (
              <option value={status} selected={p.status === status}>
                {t.status[status]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t.orders.filter}</button>
      </form>
      <section class="card" aria-label={t.orders.title}>
        {p.rows.length === 0 ? (
          <p class="muted">{p.q || p.status ? t.orders.noneFound : t.orders.none}</p>
        ) : (
          <table class="cards">
            <thead>
              <tr>
                <th>{t.orders.reference}</th>
                <th>{t.orders.paymentCode}</th>
                <th class="num">{t.orders.amount}</th>
                <th class="num">{t.orders.paid}</th>
                <th>{t.orders.status}</th>
                <th>{t.orders.created}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((row) => (
                <tr>
                  <td data-label={t.orders.reference}>
                    <a href={`/dashboard/orders/${row.id}`}>{row.reference}</a>
                  </td>
                  <td data-label={t.orders.paymentCode}>
                    <code>{row.payment_code}</code>
                  </td>
                  <td class="num" data-label={t.orders.amount}>
                    {formatVnd(row.amount)}
                  </td>
                  <td class="num" data-label={t.orders.paid}>
                    {formatVnd(row.amount_paid)}
                  </td>
                  <td data-label={t.orders.status}>
                    <StatusBadge status={p.clock.status(row)} t={t} />
                  </td>
                  <td data-label={t.orders.created}>{formatTime(row.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager base="/dashboard/orders" params={{ q: p.q, status: p.status, cursor: p.cursor }} nextCursor={p.nextCursor} t={t} />
      </section>
    </Layout>
  );
}
