import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { getMerchantBranding } from '../db/merchants';
import { checkoutUrl } from '../db/orders';
import { detectLanguage, languageOf } from '../lib/language';
import { publicOrigin } from '../lib/public-origin';
import { createRouter } from '../lib/router';
import { CheckoutPage } from './checkout-page';
import { NotFoundPage } from './not-found-page';
import { readOrder } from './order-view';
import { newNonce, pageHeaders } from './page-headers';
import { remainingQr } from './remaining-qr';
import status from './status-route';

const app = createRouter();

app.route('/', status);

/** `?lang=` wins; else Accept-Language, English where the payer's browser prefers it to Vietnamese; else Vietnamese. */
const language = detectLanguage({ order: ['querystring', 'header'], ignoreCase: true });

/** The hosted checkout page: server-rendered, complete without JavaScript. */
app.get('/pay/:orderId', language, async (c) => {
  const lang = languageOf(c);
  const nonce = newNonce();
  const now = Date.now();
  const order = await readOrder(c.env, c.req.param('orderId'), now);
  if (!order) {
    const body = await html`<!doctype html>${(<NotFoundPage lang={lang} nonce={nonce} />) as HtmlEscapedString}`;
    return c.body(body, 404, pageHeaders(nonce));
  }
  const branding = await getMerchantBranding(c.env, order.merchantId);
  // Absolute, for banking apps to send the payer back: PUBLIC_BASE_URL when set, as every handed-out URL.
  const pageUrl = checkoutUrl(publicOrigin(c.env, c.req.url), order.id);
  const page = (
    <CheckoutPage order={order} branding={branding} remaining={remainingQr(order)} lang={lang} nonce={nonce} now={now} pageUrl={pageUrl} />
  );
  const body = await html`<!doctype html>${page as HtmlEscapedString}`;
  return c.body(body, 200, pageHeaders(nonce, branding?.frameAncestors));
});

export default app;
