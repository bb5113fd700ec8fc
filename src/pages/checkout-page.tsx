import { raw } from 'hono/html';
import { renderQrSvg } from '../qr/svg';
import { CHECKOUT_SCRIPT } from './client-script';
import { CopyField } from './copy-field';
import { formatRemaining, formatVietnamTime, formatVnd } from './format';
import { type Lang, otherLang, STRINGS, type Strings } from './i18n';
import { Layout } from './layout';
import type { CheckoutOrder, OrderStatus } from './order-view';
import { StatePanels } from './state-panels';

interface CheckoutPageProps {
  order: CheckoutOrder;
  lang: Lang;
  nonce: string;
  now: number;
}

/** A pending order past its expiry is shown as expired even if the status has not caught up yet. */
function shownStatus(order: CheckoutOrder, now: number): OrderStatus {
  const open = order.status === 'pending' || order.status === 'partially_paid';
  return open && now >= Date.parse(order.expiresAt) ? 'expired' : order.status;
}

export function CheckoutPage({ order, lang, nonce, now }: CheckoutPageProps) {
  const t = STRINGS[lang];
  return (
    <Layout lang={lang} title={`${t.pageTitle} ${order.reference}`} nonce={nonce}>
      <main
        id="checkout"
        data-status={shownStatus(order, now)}
        data-status-url={`/pay/${order.id}/status`}
        data-expires-at={order.expiresAt}
        data-return-url={order.returnUrl ?? undefined}
        data-days={t.days}
        data-copied={t.copied}
      >
        <Summary order={order} t={t} />
        <StatePanels order={order} t={t} />
        <PaymentDetails order={order} lang={lang} now={now} />
        <p class="foot">
          <a href={`?lang=${otherLang(lang)}`} hreflang={otherLang(lang)} lang={otherLang(lang)}>
            {t.otherLanguage}
          </a>
        </p>
      </main>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: CHECKOUT_SCRIPT }} />
    </Layout>
  );
}

function Summary({ order, t }: { order: CheckoutOrder; t: Strings }) {
  return (
    <header class="card head">
      {order.merchantName && (
        <p class="merchant">
          {t.payTo} <strong>{order.merchantName}</strong>
        </p>
      )}
      <p class="amount">{formatVnd(order.amount)}</p>
      <p class="ref">
        {t.reference}: {order.reference}
        {order.description && ` · ${order.description}`}
      </p>
    </header>
  );
}

function PaymentDetails({ order, lang, now }: { order: CheckoutOrder; lang: Lang; now: number }) {
  const t = STRINGS[lang];
  const { bank } = order;
  const due = Math.max(0, order.amount - order.amountPaid);
  return (
    <div class="pay">
      <section class="card">
        <figure class="qr">
          <div class="qr-box" role="img" aria-label={t.qrAlt}>
            {raw(renderQrSvg(order.qrPayload, { size: 256, margin: 4 }))}
          </div>
          <figcaption>{t.scanQr}</figcaption>
        </figure>
        <p class="timer">
          {t.expiresIn} <strong data-countdown>{formatRemaining(Date.parse(order.expiresAt) - now, t.days)}</strong>
          <br />
          <small>
            {t.expiresAt} <time datetime={order.expiresAt}>{formatVietnamTime(order.expiresAt)}</time>
          </small>
        </p>
      </section>
      <section class="card">
        <h2>{t.orTransfer}</h2>
        <dl>
          <CopyField label={t.bank} value={`${bank.name} (${bank.shortName})`} copy={bank.name} copyLabel={t.copy} />
          <CopyField label={t.accountNumber} value={bank.accountNumber} copy={bank.accountNumber} copyLabel={t.copy} className="mono" />
          <CopyField label={t.accountName} value={bank.accountName} copy={bank.accountName} copyLabel={t.copy} />
          <CopyField label={t.amount} value={<span data-due>{formatVnd(due)}</span>} copy={String(due)} copyLabel={t.copy} due />
          <CopyField
            label={t.transferContent}
            value={order.transferContent}
            copy={order.transferContent}
            copyLabel={t.copy}
            className="content mono"
          />
        </dl>
        <p class="warn">{t.keepContent}</p>
      </section>
      <p class="waiting">{t.waiting}</p>
      <noscript>
        <p class="foot">
          {t.noScript} <a href={`/pay/${order.id}?lang=${lang}`}>{t.reload}</a>
        </p>
      </noscript>
    </div>
  );
}
