import type { DeliveryRow } from '../../db/deliveries';
import type { AttemptRow } from '../../db/events';
import { Badge } from '../components';
import { formatTime } from '../format';
import type { Strings } from '../i18n';

export const DELIVERY_KIND = { succeeded: 'ok', failed: 'bad', pending: 'info', skipped: 'muted' } as const;

/** A delivery's status, with "retrying" for a pending one that already failed at least once. */
export function DeliveryStatus({ row, t }: { row: DeliveryRow; t: Strings }) {
  const retrying = row.status === 'pending' && row.attempts > 0;
  return (
    <Badge kind={retrying ? 'warn' : DELIVERY_KIND[row.status]}>{retrying ? t.deliveries.retrying : t.deliveries.status[row.status]}</Badge>
  );
}

/** One line per attempt: number, outcome, HTTP status, duration, time. */
export function AttemptLines({ attempts, t }: { attempts: AttemptRow[]; t: Strings }) {
  if (attempts.length === 0) return <span class="muted small">{t.deliveries.noAttempts}</span>;
  return (
    <ul class="attempts">
      {attempts.map((a) => (
        <li>
          #{a.attempt} {a.status === 'succeeded' ? '✓' : '✗'} {a.response_status ?? t.deliveries.noAnswer} · {a.duration_ms} ms ·{' '}
          {formatTime(a.created_at)}
        </li>
      ))}
    </ul>
  );
}

/** When the next attempt is due, for a delivery still being retried. */
export const nextRetry = (row: DeliveryRow) => (row.status === 'pending' && row.next_attempt_at ? formatTime(row.next_attempt_at) : '—');
