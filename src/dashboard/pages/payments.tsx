import type { PaymentRow } from '../../db/payments';
import { Badge, Pager } from '../components';
import type { DashContext } from '../context';
import { formatTime, formatVnd } from '../format';
import { Layout } from '../layout';

// Per-page markup: tables, cards and forms shaped like the other pages' (shared pieces: ../components.tsx).
export interface PaymentsProps {
  rows: PaymentRow[];
  nextCursor: string | null;
  view: 'all' | 'unmatched';
  cursor: string | undefined;
  unmatched: number;
}

export function PaymentsPage(c: DashContext, p: PaymentsProps) {
  const t = c.get('t');
  return (
    <Layout c={c} title={t.payments.title} section="payments">
      <h1>{t.payments.title}</h1>
      <nav class="tabs" aria-label={t.payments.views}>
        <a href="/dashboard/payments" aria-current={p.view === 'all' ? 'page' : undefined}>
          {t.payments.all}
        </a>
        <a href="/dashboard/payments?view=unmatched" aria-current={p.view === 'unmatched' ? 'page' : undefined}>
          {t.payments.unmatched} {p.unmatched > 0 ? <Badge kind="bad">{p.unmatched}</Badge> : null}
        </a>
      </nav>
      {p.view === 'unmatched' ? <p class="muted">{t.payments.unmatchedHint}</p> : null}
      <section class="card" aria-label={t.payments.title}>
        {p.rows.length === 0 ? (
          <p class="muted">{p.view === 'unmatched' ? t.payments.noneUnmatched : t.payments.none}</p>
        ) : (
          <table class="cards">
            <thead>
              <tr>
                <th class="num">{t.orders.amount}</th>
                <th>{t.payments.received}</th>
                <th>{t.payments.content}</th>
                <th>{t.payments.provider}</th>
                <th>{t.payments.order}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((row) => (
                <tr>
                  <td class="num" data-label={t.orders.amount}>
                    <a href={`/dashboard/payments/${row.id}`}>{formatVnd(row.amount)}</a>
                  </td>
                  <td data-label={t.payments.received}>{formatTime(row.received_at)}</td>
                  <td data-label={t.payments.content}>{row.content}</td>
                  <td data-label={t.payments.provider}>{row.provider}</td>
                  <td data-label={t.payments.order}>
                    {row.order_id ? (
                      <a href={`/dashboard/orders/${row.order_id}`}>{t.payments.viewOrder}</a>
                    ) : (
                      <a href={`/dashboard/payments/${row.id}`}>
                        <Badge kind="bad">{t.payments.unmatchedOne}</Badge> {t.payments.assign}
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager
          base="/dashboard/payments"
          params={{ view: p.view === 'unmatched' ? 'unmatched' : undefined, cursor: p.cursor }}
          nextCursor={p.nextCursor}
          t={t}
        />
      </section>
    </Layout>
  );
}
