import type { DeliveryRow } from '../../db/deliveries';
import type { EndpointRow } from '../../db/endpoints';
import type { AttemptRow } from '../../db/events';
import type { TestEventResult } from '../../delivery/test-event';
import { ActionButton, Copyable, ErrorSummary, Input, Notice, Pager, PostForm, Row } from '../components';
import type { DashContext } from '../context';
import { formatTime } from '../format';
import type { FieldErrors } from '../forms';
import { Layout } from '../layout';
import { AttemptLines, DeliveryStatus, nextRetry } from './delivery-parts';
import { EndpointStatus } from './endpoints';
import { EventTypesField } from './event-types-field';

// Per-page markup: tables, cards and forms shaped like the other pages' (shared pieces: ../components.tsx).
export interface EndpointView {
  row: EndpointRow;
  deliveries: { row: DeliveryRow; attempts: AttemptRow[] }[];
  nextCursor: string | null;
  cursor: string | undefined;
  recoverSince: string;
}

export interface EndpointMessages {
  notice?: string;
  error?: string;
  values?: { url?: string; description?: string; eventTypes?: string[] | null };
  errors?: FieldErrors;
  recoverError?: string;
  secret?: { value: string; rotated: boolean };
  test?: TestEventResult;
}

const REPLAYABLE = new Set(['failed', 'pending', 'skipped']);

export function EndpointPage(c: DashContext, v: EndpointView, m: EndpointMessages = {}) {
  const t = c.get('t');
  const csrf = c.get('csrf');
  const e = v.row;
  const base = `/dashboard/endpoints/${e.id}`;
  const types = e.event_types === null ? null : (JSON.parse(e.event_types) as string[]);
  const values = m.values ?? { url: e.url, description: e.description ?? '', eventTypes: types };
  const errors = m.errors ?? {};
  const here = `${base}${v.cursor ? `?cursor=${encodeURIComponent(v.cursor)}` : ''}`;
  return (
    <Layout c={c} title={`${t.endpoints.one} ${e.url}`} section="endpoints">
      <h1>
        {t.endpoints.one} <EndpointStatus row={e} t={t} />
      </h1>
      {m.notice ? <Notice>{m.notice}</Notice> : null}
      {m.error ? <Notice kind="bad">{m.error}</Notice> : null}
      <div class="grid two">
        <section class="card">
          <dl>
            <Row label="URL">
              <code>{e.url}</code>
            </Row>
            <Row label={t.orders.description}>{e.description ?? '—'}</Row>
            <Row label={t.endpoints.eventTypes}>{types === null ? t.endpoints.allEvents : types.join(', ')}</Row>
            <Row label={t.endpoints.failingSinceLabel}>{formatTime(e.failing_since)}</Row>
            <Row label={t.endpoints.disabledAt}>{formatTime(e.disabled_at)}</Row>
            <Row label={t.orders.created}>{formatTime(e.created_at)}</Row>
            <Row label="ID">
              <code>{e.id}</code>
            </Row>
          </dl>
          <div class="actions">
            {e.enabled === 1 ? (
              <ActionButton
                action={`${base}/enabled`}
                csrf={csrf}
                label={t.endpoints.disable}
                kind="secondary"
                hidden={{ enabled: 'false' }}
              />
            ) : (
              <ActionButton action={`${base}/enabled`} csrf={csrf} label={t.endpoints.enable} hidden={{ enabled: 'true' }} />
            )}
          </div>
        </section>
        <section class="card" aria-labelledby="secret-h">
          <h2 id="secret-h">{t.endpoints.secret}</h2>
          <p class="muted small">{t.endpoints.secretHint}</p>
          {m.secret ? (
            <div>
              {m.secret.rotated ? <Notice>{t.endpoints.rotated}</Notice> : null}
              <span class="secret">
                <Copyable value={m.secret.value} label={t.endpoints.secret} t={t} />
              </span>
            </div>
          ) : null}
          <div class="actions">
            {m.secret ? null : <ActionButton action={`${base}/secret`} csrf={csrf} label={t.endpoints.reveal} kind="secondary" />}
            <ActionButton
              action={`${base}/rotate`}
              csrf={csrf}
              label={t.endpoints.rotate}
              kind="secondary"
              confirm={t.endpoints.rotateConfirm}
            />
          </div>
          <h3>{t.endpoints.test}</h3>
          <p class="muted small">{t.endpoints.testHint}</p>
          {m.test ? (
            <div class={m.test.result.ok ? 'notice n-ok' : 'notice n-bad'} role="status">
              <strong>{m.test.result.ok ? t.endpoints.testOk : t.endpoints.testFailed}</strong>{' '}
              {t.endpoints.testAnswer(m.test.result.status, m.test.result.durationMs)}
              {m.test.result.error ? <div>{m.test.result.error}</div> : null}
              {m.test.result.body ? <pre>{m.test.result.body}</pre> : null}
            </div>
          ) : null}
          <ActionButton action={`${base}/test`} csrf={csrf} label={t.endpoints.sendTest} kind="secondary" />
        </section>
      </div>
      <section class="card" aria-labelledby="log-h">
        <h2 id="log-h">{t.endpoints.log}</h2>
        {v.deliveries.length === 0 ? (
          <p class="muted">{t.endpoints.noDeliveries}</p>
        ) : (
          <table class="cards">
            <thead>
              <tr>
                <th>{t.deliveries.event}</th>
                <th>{t.deliveries.statusLabel}</th>
                <th>{t.deliveries.attempts}</th>
                <th>{t.deliveries.nextRetry}</th>
                <th>
                  <span class="sr-only">{t.deliveries.replay}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {v.deliveries.map(({ row, attempts }) => (
                <tr>
                  <td data-label={t.deliveries.event}>
                    <a href={`${base}/deliveries/${row.id}`}>{t.events[row.event_type as keyof typeof t.events] ?? row.event_type}</a>
                    <div class="muted small">{formatTime(row.created_at)}</div>
                  </td>
                  <td data-label={t.deliveries.statusLabel}>
                    <DeliveryStatus row={row} t={t} />
                  </td>
                  <td data-label={t.deliveries.attempts}>
                    <AttemptLines attempts={attempts} t={t} />
                  </td>
                  <td data-label={t.deliveries.nextRetry}>{nextRetry(row)}</td>
                  <td data-label={t.deliveries.replay}>
                    {REPLAYABLE.has(row.status) ? (
                      <ActionButton
                        action={`${base}/deliveries/${row.id}/replay`}
                        csrf={csrf}
                        label={t.deliveries.replay}
                        kind="secondary"
                        hidden={{ back: here }}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager base={base} params={{ cursor: v.cursor }} nextCursor={v.nextCursor} t={t} />
      </section>
      <section class="card" aria-labelledby="edit-h">
        <h2 id="edit-h">{t.endpoints.edit}</h2>
        <ErrorSummary errors={errors} t={t} />
        <PostForm action={`${base}/update`} csrf={csrf}>
          <Input name="url" label="URL" type="url" value={values.url} error={errors.url} required />
          <Input name="description" label={t.orders.description} value={values.description} error={errors.description} maxlength={500} />
          <EventTypesField selected={values.eventTypes ?? null} error={errors.eventTypes} t={t} />
          <button type="submit">{t.common.save}</button>
        </PostForm>
      </section>
      <div class="grid two">
        <section class="card" aria-labelledby="recover-h">
          <h2 id="recover-h">{t.endpoints.recover}</h2>
          <p class="muted small">{t.endpoints.recoverHint}</p>
          <PostForm action={`${base}/recover`} csrf={csrf}>
            <Input name="since" type="datetime-local" label={t.endpoints.since} value={v.recoverSince} error={m.recoverError} required />
            <button type="submit" class="secondary">
              {t.endpoints.recoverButton}
            </button>
          </PostForm>
        </section>
        <section class="card" aria-labelledby="delete-h">
          <h2 id="delete-h">{t.endpoints.delete}</h2>
          <p class="muted small">{t.endpoints.deleteHint}</p>
          <PostForm action={`${base}/delete`} csrf={csrf} confirm={t.endpoints.deleteConfirm}>
            <label class="check">
              <input type="checkbox" name="confirm" value="yes" required /> {t.endpoints.deleteCheck}
            </label>
            <button type="submit" class="danger">
              {t.endpoints.delete}
            </button>
          </PostForm>
        </section>
      </div>
    </Layout>
  );
}
