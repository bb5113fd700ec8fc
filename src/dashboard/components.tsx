import type { Child } from 'hono/jsx';
import type { OrderStatus } from '../schemas/order';
import { CSRF_FIELD } from './csrf';
import type { Strings } from './i18n';

/** The hidden CSRF field every POST form carries. */
export const Csrf = ({ token }: { token: string }) => <input type="hidden" name={CSRF_FIELD} value={token} />;

/** A POST form with its CSRF token; `confirm` asks first (when the script runs). */
export function PostForm(props: { action: string; csrf: string; class?: string; confirm?: string; children?: Child }) {
  return (
    <form method="post" action={props.action} class={props.class} data-confirm={props.confirm}>
      <Csrf token={props.csrf} />
      {props.children}
    </form>
  );
}

/** A one-button POST form (an action on the page's object). */
export function ActionButton(props: {
  action: string;
  csrf: string;
  label: string;
  kind?: 'danger' | 'secondary';
  confirm?: string;
  hidden?: Record<string, string>;
}) {
  return (
    <PostForm action={props.action} csrf={props.csrf} class="inline" confirm={props.confirm}>
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={props.kind ?? ''}>
        {props.label}
      </button>
    </PostForm>
  );
}

export function StatusBadge({ status, t }: { status: OrderStatus; t: Strings }) {
  return <span class={`badge s-${status}`}>{t.status[status]}</span>;
}

export function Badge({ kind, children }: { kind: 'ok' | 'bad' | 'warn' | 'muted' | 'info'; children?: Child }) {
  return <span class={`badge b-${kind}`}>{children}</span>;
}

/** A notice at the top of a page; `role=status` so screen readers announce what just happened. */
export function Notice({ kind = 'ok', children }: { kind?: 'ok' | 'bad' | 'warn'; children?: Child }) {
  return (
    <p class={`notice n-${kind}`} role={kind === 'bad' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}

/** A value with a copy button; the button is hidden until the script can make it work. */
export function Copyable({ value, label, t, mono = true }: { value: string; label: string; t: Strings; mono?: boolean }) {
  return (
    <span class="copyable">
      <code class={mono ? 'mono' : ''}>{value}</code>
      <button type="button" class="secondary small" data-copy={value} aria-label={`${t.common.copy}: ${label}`} hidden>
        {t.common.copy}
      </button>
    </span>
  );
}

interface InputProps {
  name: string;
  label: string;
  value?: string;
  error?: string;
  hint?: Child;
  type?: string;
  required?: boolean;
  inputmode?: 'numeric' | 'decimal' | 'text' | 'email' | 'url' | 'search' | 'tel' | 'none';
  autocomplete?: string;
  placeholder?: string;
  maxlength?: number;
  autofocus?: boolean;
}

/** A labelled input with its hint and its error (tied by aria-describedby; aria-invalid when wrong). */
export function Input(p: InputProps) {
  const id = `f-${p.name.replace(/[^\w-]/g, '_')}`;
  const described = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={id}>
        {p.label}
        {p.required ? <span class="req"> *</span> : null}
      </label>
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        required={p.required}
        inputmode={p.inputmode}
        autocomplete={p.autocomplete ?? 'off'}
        placeholder={p.placeholder}
        maxlength={p.maxlength}
        autofocus={p.autofocus}
        spellcheck={false}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      {p.hint ? (
        <small id={`${id}-hint`} class="hint">
          {p.hint}
        </small>
      ) : null}
      {p.error ? (
        <small id={`${id}-error`} class="error">
          {p.error}
        </small>
      ) : null}
    </div>
  );
}

/** A summary of a form's errors at its top, focused by the script so the keyboard lands on it. */
export function ErrorSummary({ errors, t }: { errors: Record<string, string>; t: Strings }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="notice n-bad" role="alert" tabindex={-1} data-focus>
      <strong>{t.common.fixErrors}</strong>
      <ul>
        {entries.map(([path, message]) => (
          <li>
            <code>{path}</code>: {message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Next page" for cursor lists, keeping the page's other query parameters. */
export function Pager({
  base,
  params,
  nextCursor,
  t,
}: {
  base: string;
  params: Record<string, string | undefined>;
  nextCursor: string | null;
  t: Strings;
}) {
  const hasCursor = params.cursor !== undefined;
  if (!nextCursor && !hasCursor) return null;
  const link = (cursor: string | undefined) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...params, cursor })) if (value) query.set(key, value);
    const text = query.toString();
    return text ? `${base}?${text}` : base;
  };
  return (
    <nav class="pager" aria-label={t.common.pages}>
      {hasCursor ? <a href={link(undefined)}>{t.common.firstPage}</a> : <span />}
      {nextCursor ? (
        <a href={link(nextCursor)} rel="next">
          {t.common.nextPage}
        </a>
      ) : null}
    </nav>
  );
}

/** A definition list row. */
export const Row = ({ label, children }: { label: string; children?: Child }) => (
  <div class="row">
    <dt>{label}</dt>
    <dd>{children}</dd>
  </div>
);
