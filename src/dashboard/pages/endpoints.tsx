import type { EndpointRow } from '../../db/endpoints';
import { Badge, ErrorSummary, Input, Notice, PostForm } from '../components';
import type { DashContext } from '../context';
import { formatTime } from '../format';
import type { FieldErrors } from '../forms';
import { Layout } from '../layout';
import { EventTypesField } from './event-types-field';

// Per-page markup: tables, cards and forms shaped like the other pages' (shared pieces: ../components.tsx).
export interface EndpointsProps {
  rows: EndpointRow[];
  values: { url?: string; description?: string; eventTypes?: string[] | null };
  errors: FieldErrors;
  notice?: string;
}

export function EndpointStatus({ row, t }: { row: EndpointRow; t: DashContext['var']['t'] }) {
  if (row.enabled !== 1) return <Badge kind="bad">{t.endpoints.disabled}</Badge>;
  if (row.failing_since) return <Badge kind="warn">{t.endpoints.failing}</Badge>;
  return <Badge kind="ok">{t.endpoints.enabled}</Badge>;
}

export function EndpointsPage(c: DashContext, p: EndpointsProps) {
  const t = c.get('t');
  return (
    <Layout c={c} title={t.endpoints.title} section="endpoints">
      <h1>{t.endpoints.title}</h1>
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      <p class="muted">{t.endpoints.intro}</p>
      <section class="card" aria-label={t.endpoints.title}>
        {p.rows.length === 0 ? (
          <p class="muted">{t.endpoints.none}</p>
        ) : (
          <table class="cards">
            <thead>
              <tr>
                <th>URL</th>
                <th>{t.endpoints.statusLabel}</th>
                <th>{t.endpoints.eventTypes}</th>
                <th>{t.orders.created}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((row) => (
                <tr>
                  <td data-label="URL">
                    <a href={`/dashboard/endpoints/${row.id}`}>{row.url}</a>
                    {row.description ? <div class="muted small">{row.description}</div> : null}
                  </td>
                  <td data-label={t.endpoints.statusLabel}>
                    <EndpointStatus row={row} t={t} />
                  </td>
                  <td data-label={t.endpoints.eventTypes}>
                    {row.event_types === null ? t.endpoints.allEvents : (JSON.parse(row.event_types) as string[]).join(', ')}
                  </td>
                  <td data-label={t.orders.created}>{formatTime(row.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card" aria-labelledby="new-endpoint-h">
        <h2 id="new-endpoint-h">{t.endpoints.new}</h2>
        <ErrorSummary errors={p.errors} t={t} />
        <PostForm action="/dashboard/endpoints" csrf={c.get('csrf')}>
          <Input
            name="url"
            label="URL"
            type="url"
            value={p.values.url}
            error={p.errors.url}
            required
            placeholder="https://shop.example/webhooks/vietqr"
            hint={t.endpoints.urlHint}
          />
          <Input
            name="description"
            label={t.orders.description}
            value={p.values.description}
            error={p.errors.description}
            maxlength={500}
          />
          <EventTypesField selected={p.values.eventTypes ?? null} error={p.errors.eventTypes} t={t} />
          <button type="submit">{t.endpoints.create}</button>
        </PostForm>
      </section>
    </Layout>
  );
}
