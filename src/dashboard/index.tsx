import { Hono } from 'hono';
import { HttpError } from '../lib/problem';
import { assetResponse } from './assets';
import type { DashEnv } from './context';
import { language } from './lang';
import { PlainLayout } from './layout';
import { notFoundPage } from './pages/errors';
import { newNonce, sendPage } from './render';
import accounts from './routes/accounts';
import auth from './routes/auth';
import endpoints from './routes/endpoints';
import orders from './routes/orders';
import overview from './routes/overview';
import payments from './routes/payments';
import { requireSession } from './session';

/** The merchant dashboard under /dashboard (CONTRACT §10): server-rendered pages over the API's own services. */
const app = new Hono<DashEnv>();

app.get('/dashboard/assets/:name', (c) => assetResponse(c.req.param('name')) ?? c.notFound());

app.use('/dashboard/*', language, async (c, next) => {
  c.set('nonce', newNonce());
  await next();
});
app.route('/', auth);
app.use('/dashboard/*', requireSession);
app.route('/', overview);
app.route('/', orders);
app.route('/', payments);
app.route('/', endpoints);
app.route('/', accounts);
app.all('/dashboard/*', (c) => notFoundPage(c));

// A page never answers with the API's problem+json: an unexpected error is an HTML page too (and is logged).
app.onError((error, c) => {
  const status = error instanceof HttpError && error.status >= 400 ? error.status : 500;
  if (status >= 500)
    c.get('log').error('dashboard error', { method: c.req.method, path: c.req.path, error: String(error?.stack ?? error) });
  const t = c.get('t');
  if (!t || !c.get('nonce')) return c.text('Internal error', 500);
  return sendPage(
    c,
    <PlainLayout c={c} title={t.errors.failedTitle}>
      <section class="card">
        <h1>{t.errors.failedTitle}</h1>
        <p>{status === 429 ? t.errors.tooMany : t.errors.failedBody}</p>
        <p>
          <a href="/dashboard">{t.errors.backHome}</a>
        </p>
      </section>
    </PlainLayout>,
    status as 500,
  );
});

export default app;
