import type { DashContext } from '../context';
import { Layout, PlainLayout } from '../layout';
import { sendPage } from '../render';

function ErrorBody({ title, body, back }: { title: string; body: string; back: { href: string; label: string } }) {
  return (
    <section class="card">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href={back.href}>{back.label}</a>
      </p>
    </section>
  );
}

/** A refused form post (no or a wrong CSRF token, another site's post): 403, nothing was changed. */
export function forbiddenPage(c: DashContext) {
  const t = c.get('t');
  const back = { href: '/dashboard', label: t.errors.backHome };
  const body = <ErrorBody title={t.errors.forbiddenTitle} body={t.errors.forbiddenBody} back={back} />;
  const page = c.get('merchant') ? (
    <Layout c={c} title={t.errors.forbiddenTitle} section="none">
      {body}
    </Layout>
  ) : (
    <PlainLayout c={c} title={t.errors.forbiddenTitle}>
      {body}
    </PlainLayout>
  );
  return sendPage(c, page, 403);
}

/** Unknown ids and other merchants' ids look the same: 404. */
export function notFoundPage(c: DashContext) {
  const t = c.get('t');
  return sendPage(
    c,
    <Layout c={c} title={t.errors.notFoundTitle} section="none">
      <ErrorBody title={t.errors.notFoundTitle} body={t.errors.notFoundBody} back={{ href: '/dashboard', label: t.errors.backHome }} />
    </Layout>,
    404,
  );
}
