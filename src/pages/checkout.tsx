import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { expiryGraceMs } from '../ledger/clock';
import { createRouter } from '../lib/router';
import { CheckoutPage } from './checkout-page';
import { pickLang } from './i18n';
import { NotFoundPage } from './not-found-page';
import { loadCheckoutOrder } from './order-view';
import { newNonce, pageHeaders } from './page-headers';
import status from './status-route';

const app = createRouter();

app.route('/', status);

/** The hosted checkout page: server-rendered, complete without JavaScript. */
app.get('/pay/:orderId', async (c) => {
  const lang = pickLang(c.req.query('lang'), c.req.header('accept-language'));
  const nonce = newNonce();
  const order = await loadCheckoutOrder(c.env.DB, c.req.param('orderId'), expiryGraceMs(c.env));
  const page = order ? (
    <CheckoutPage order={order} lang={lang} nonce={nonce} now={Date.now()} />
  ) : (
    <NotFoundPage lang={lang} nonce={nonce} />
  );
  const body = await html`<!doctype html>${page as HtmlEscapedString}`;
  return c.body(body, order ? 200 : 404, pageHeaders(nonce));
});

export default app;
