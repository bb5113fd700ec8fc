import { Csrf, ErrorSummary, Input, Notice } from '../components';
import type { DashContext } from '../context';
import { PlainLayout } from '../layout';

export interface SignInProps {
  csrf: string;
  next: string;
  error?: string;
  notice?: 'signedOut' | 'expired' | 'linkUsed';
}

/** Sign-in with an API key; one-time links from the admin API land here when they no longer work. */
export function SignInPage(c: DashContext, p: SignInProps) {
  const t = c.get('t');
  return (
    <PlainLayout c={c} title={t.signIn.title}>
      <section class="card">
        <h1>{t.signIn.title}</h1>
        {p.notice === 'signedOut' ? <Notice>{t.signIn.signedOut}</Notice> : null}
        {p.notice === 'expired' ? <Notice kind="warn">{t.signIn.expired}</Notice> : null}
        {p.notice === 'linkUsed' ? <Notice kind="bad">{t.signIn.linkInvalid}</Notice> : null}
        {p.error ? <ErrorSummary errors={{ apiKey: p.error }} t={t} /> : null}
        <form method="post" action="/dashboard/sign-in">
          <Csrf token={p.csrf} />
          <input type="hidden" name="next" value={p.next} />
          <Input
            name="apiKey"
            label={t.signIn.apiKey}
            type="password"
            required
            autocomplete="off"
            placeholder="sk_test_…"
            error={p.error}
            hint={t.signIn.apiKeyHint}
            autofocus
          />
          <button type="submit">{t.signIn.submit}</button>
        </form>
        <p class="muted small">{t.signIn.linkHint}</p>
      </section>
    </PlainLayout>
  );
}
