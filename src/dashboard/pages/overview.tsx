import type { OrderCounts } from '../../db/orders';
import type { OrderStatus } from '../../schemas/order';
import { DayBarChart } from '../chart';
import { Badge, StatusBadge } from '../components';
import type { DashContext } from '../context';
import { formatTime, formatVnd } from '../format';
import { Layout } from '../layout';

// Per-page markup: tables, cards and forms shaped like the other pages' (shared pieces: ../components.tsx).
export interface OverviewData {
  days: { day: string; amount: number; count: number }[];
  counts: OrderCounts;
  unmatched: number;
  endpoints: { id: string; url: string; disabled: boolean; failingSince: string | null }[];
  /** null: the reconciliation runs could not be read. */
  reconciliation: { id: string; name: string; error: string | null }[] | null;
  recent: { id: string; reference: string; amount: number; status: OrderStatus; createdAt: string }[];
  hasQrAccount: boolean;
}

export function OverviewPage(c: DashContext, d: OverviewData) {
  const t = c.get('t');
  const today = d.days.at(-1)!;
  const week = d.days.reduce((sum, day) => ({ amount: sum.amount + day.amount, count: sum.count + day.count }), { amount: 0, count: 0 });
  const todo = d.unmatched + d.endpoints.length + (d.reconciliation?.length ?? 0);
  return (
    <Layout c={c} title={t.overview.title} section="overview">
      <div class="head">
        <h1>{t.overview.title}</h1>
        <a class="button" href="/dashboard/orders/new">
          {t.orders.new}
        </a>
      </div>
      {d.hasQrAccount ? null : (
        <p class="notice n-warn">
          {t.overview.noQrAccount} <a href="/dashboard/accounts">{t.overview.addAccount}</a>
        </p>
      )}
      <section class="stats" aria-label={t.overview.figures}>
        <div class="stat">
          <div class="label">{t.overview.today}</div>
          <div class="value">{formatVnd(today.amount)}</div>
          <div class="sub">{t.overview.transfers(today.count)}</div>
        </div>
        <div class="stat">
          <div class="label">{t.overview.week}</div>
          <div class="value">{formatVnd(week.amount)}</div>
          <div class="sub">{t.overview.transfers(week.count)}</div>
        </div>
        <div class="stat">
          <div class="label">{t.overview.paidOrders}</div>
          <div class="value">{d.counts.paid}</div>
          <div class="sub">{t.overview.paidToday(d.counts.paidToday)}</div>
        </div>
        <div class="stat">
          <div class="label">{t.overview.openOrders}</div>
          <div class="value">
            <a href="/dashboard/orders?status=pending">{d.counts.open}</a>
          </div>
          <div class="sub">{t.overview.openHint}</div>
        </div>
      </section>
      <div class="grid two">
        <section class="card">
          <h2>{t.overview.chartTitle}</h2>
          <DayBarChart id="week" days={d.days} lang={c.get('lang')} title={t.overview.chartTitle} />
        </section>
        <section class="card" aria-labelledby="todo-h">
          <h2 id="todo-h">
            {t.overview.needsAction} {todo > 0 ? <Badge kind="bad">{todo}</Badge> : null}
          </h2>
          <ul class="todo">
            {d.unmatched > 0 ? (
              <li>
                <span>{t.overview.unmatched(d.unmatched)}</span>
                <a href="/dashboard/payments?view=unmatched">{t.overview.review}</a>
              </li>
            ) : null}
            {d.endpoints.map((endpoint) => (
              <li>
                <span>
                  {endpoint.disabled ? <Badge kind="bad">{t.endpoints.disabled}</Badge> : <Badge kind="warn">{t.endpoints.failing}</Badge>}{' '}
                  <code>{endpoint.url}</code>
                  {endpoint.failingSince ? (
                    <span class="muted small"> · {t.endpoints.failingSince(formatTime(endpoint.failingSince))}</span>
                  ) : null}
                </span>
                <a href={`/dashboard/endpoints/${endpoint.id}`}>{t.overview.review}</a>
              </li>
            ))}
            {(d.reconciliation ?? []).map((account) => (
              <li>
                <span>
                  <Badge kind="bad">{t.accounts.reconcileFailed}</Badge> {account.name}
                  {account.error ? <span class="muted small"> · {account.error}</span> : null}
                </span>
                <a href={`/dashboard/accounts/${account.id}`}>{t.overview.review}</a>
              </li>
            ))}
            {d.reconciliation === null ? <li class="muted">{t.overview.reconcileUnknown}</li> : null}
            {todo === 0 && d.reconciliation !== null ? <li class="muted">{t.overview.allGood}</li> : null}
          </ul>
        </section>
      </div>
      <section class="card">
        <div class="head">
          <h2>{t.overview.recent}</h2>
          <a href="/dashboard/orders">{t.overview.allOrders}</a>
        </div>
        {d.recent.length === 0 ? (
          <p class="muted">{t.orders.none}</p>
        ) : (
          <table class="cards">
            <thead>
              <tr>
                <th>{t.orders.reference}</th>
                <th class="num">{t.orders.amount}</th>
                <th>{t.orders.status}</th>
                <th>{t.orders.created}</th>
              </tr>
            </thead>
            <tbody>
              {d.recent.map((order) => (
                <tr>
                  <td data-label={t.orders.reference}>
                    <a href={`/dashboard/orders/${order.id}`}>{order.reference}</a>
                  </td>
                  <td class="num" data-label={t.orders.amount}>
                    {formatVnd(order.amount)}
                  </td>
                  <td data-label={t.orders.status}>
                    <StatusBadge status={order.status} t={t} />
                  </td>
                  <td data-label={t.orders.created}>{formatTime(order.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}
