import { EVENT_TYPES } from '../../schemas/event';
import type { Strings } from '../i18n';

/** "All events" or a chosen set: the API's `eventTypes: null | [...]`. */
export function EventTypesField({ selected, error, t }: { selected: readonly string[] | null; error?: string; t: Strings }) {
  const all = selected === null;
  return (
    <fieldset class={error ? 'has-error' : ''} aria-describedby={error ? 'event-types-error' : undefined}>
      <legend>{t.endpoints.eventTypes}</legend>
      <label class="check">
        <input type="radio" name="scope" value="all" checked={all} /> {t.endpoints.allEvents}
      </label>
      <label class="check">
        <input type="radio" name="scope" value="some" checked={!all} /> {t.endpoints.someEvents}
      </label>
      <div class="muted small">
        {EVENT_TYPES.map((type) => (
          <label class="check">
            <input type="checkbox" name="eventTypes" value={type} checked={!all && selected.includes(type)} /> <code>{type}</code> —{' '}
            {t.events[type]}
          </label>
        ))}
      </div>
      {error ? (
        <small id="event-types-error" class="error">
          {error}
        </small>
      ) : null}
    </fieldset>
  );
}

/** The form's choice as the API's value: null for all, else the checked types (zod refuses an empty set). */
export const eventTypesInput = (scope: string, checked: string[]): string[] | null => (scope === 'some' ? checked : null);
