import type { DeliveryRow } from '../../db/deliveries';
import type { EndpointRow } from '../../db/endpoints';
import type { AttemptRow } from '../../db/events';
import { ActionButton, Badge, Notice, Row } from '../components';
import type { DashContext } from '../context';
import { formatTime } from '../format';
import { Layout } from '../layout';
import { DeliveryStatus, nextRetry } from './delivery-parts';

/** One delivery of one event to one endpoint, with every attempt and what the endpoint answered. */
export function DeliveryPage(c: DashContext, endpoint: EndpointRow, row: DeliveryRow, attempts: AttemptRow[], notice?: string) {
  const t = c.get('t');
  const base = `/dashboard/endpoints/${endpoint.id}/deliveries/${row.id}`;
  return (
    <Layout c={c} title={t.deliveries.title} section="endpoints">
      <p>
        <a href={`/dashboard/endpoints/${endpoint.id}`}>← {endpoint.url}</a>
      </p>
      <h1>
        {t.deliveries.title} <DeliveryStatus row={row} t={t} />
      </h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <section class="card">
        <dl>
          <Row label={t.deliveries.event}>
            {t.events[row.event_type as keyof typeof t.events] ?? row.event_type} <code class="small">{row.event_id}</code>
          </Row>
          <Row label={t.orders.created}>{formatTime(row.created_at)}</Row>
          <Row label={t.deliveries.attempts}>{row.attempts}</Row>
          <Row label={t.deliveries.nextRetry}>{nextRetry(row)}</Row>
        </dl>
        {row.status === 'succeeded' ? null : (
          <div class="actions">
            <ActionButton action={`${base}/replay`} csrf={c.get('csrf')} label={t.deliveries.replay} hidden={{ back: base }} />
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="attempts-h">
        <h2 id="attempts-h">{t.deliveries.attempts}</h2>
        {attempts.length === 0 ? <p class="muted">{t.deliveries.noAttempts}</p> : null}
        {attempts.map((a) => (
          <article class="card">
            <h3>
              #{a.attempt} <Badge kind={a.status === 'succeeded' ? 'ok' : 'bad'}>{t.deliveries.status[a.status]}</Badge>
            </h3>
            <dl>
              <Row label={t.deliveries.response}>{a.response_status ?? t.deliveries.noAnswer}</Row>
              <Row label={t.deliveries.duration}>{`${a.duration_ms} ms`}</Row>
              <Row label={t.deliveries.at}>{formatTime(a.created_at)}</Row>
            </dl>
            {a.response_body ? <pre>{a.response_body}</pre> : null}
          </article>
        ))}
      </section>
    </Layout>
  );
}
