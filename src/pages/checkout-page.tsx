import type { MerchantBranding } from '../db/merchants';
import { BANK_APPS, deepLink } from './bank-apps';
import { CHECKOUT_SCRIPT } from './client-script';
import { CopyField } from './copy-field';
import { formatRemaining, formatVietnamTime, formatVnd } from './format';
import { type Lang, otherLang, STRINGS, type Strings } from './i18n';
import { Layout } from './layout';
import type { CheckoutOrder } from './order-view';
import { acceptsAnyAmount, amountDue, type RemainingQr } from './remaining-qr';
import { StatePanels } from './state-panels';

export interface CheckoutPageProps {
  order: CheckoutOrder;
  branding: MerchantBranding | null;
  /** The QR for what is still due (the order's own while nothing is paid), or why there is none. */
  remaining: RemainingQr;
  lang: Lang;
  nonce: string;
  now: number;
  /** Absolute URL of this page, where a banking app sends the payer back. */
  pageUrl: string;
}

/** Shown at 260 CSS px, rendered at 2× for sharp phone screens. */
const QR_PX = 520;
const DOWNLOAD_PX = 800;

/** A file name a phone's gallery keeps: the order reference, nothing a file system refuses. */
export const qrFileName = (reference: string) => `QR-${reference.replace(/[^A-Za-z0-9._-]/g, '-')}.png`;

/** The PNG the page shows: the remaining-amount QR once something is paid (where one exists). */
function qrImageUrl(order: CheckoutOrder, remaining: RemainingQr, px: number): string {
  const base = `/qr/${order.id}.png?size=${px}`;
  return order.amountPaid > 0 && remaining.ok ? `${base}&remaining=true&v=${order.amountPaid}` : base;
}

const isOpen = (order: CheckoutOrder) => order.status === 'pending' || order.status === 'partially_paid';

export function CheckoutPage(props: CheckoutPageProps) {
  const { order, branding, lang, nonce, now } = props;
  const t = STRINGS[lang];
  const merchant = branding?.displayName || branding?.name || null;
  const accent = branding?.accentColor;
  return (
    <Layout lang={lang} title={`${t.pageTitle} ${order.reference}`} nonce={nonce} accent={accent ?? null}>
      <main
        id="checkout"
        data-status={order.status}
        data-remaining={acceptsAnyAmount(order) ? 'any' : 'fixed'}
        data-status-url={`/pay/${order.id}/status`}
        data-qr-url={`/qr/${order.id}.png`}
        data-qr-px={QR_PX}
        data-download-px={DOWNLOAD_PX}
        data-amount-paid={order.amountPaid}
        data-expires-at={order.expiresAt}
        data-grace-ms={order.graceMs}
        data-return-url={order.returnUrl ?? undefined}
        data-days={t.days}
        data-copied={t.copied}
        data-status-labels={JSON.stringify(t.statusLabel)}
      >
        <header class="brand">
          {branding?.logoDataUrl && <img class="logo" src={branding.logoDataUrl} alt="" height={36} />}
          <p class="merchant">
            {merchant && (
              <>
                {t.payTo} <strong>{merchant}</strong>
              </>
            )}
          </p>
          <a class="lang" href={`?lang=${otherLang(lang)}`} hreflang={otherLang(lang)} lang={otherLang(lang)}>
            {t.otherLanguage}
          </a>
        </header>
        <StatePanels order={order} t={t} />
        <div class="grid">
          <Summary order={order} t={t} now={now} merchant={merchant} />
          {/* A final state shows no QR: not rendered, so a hidden image is not fetched either. */}
          {isOpen(order) && <QrCard {...props} t={t} />}
          <TransferDetails order={order} t={t} />
        </div>
        <noscript>
          <p class="foot">
            {t.noScript} <a href={`/pay/${order.id}?lang=${lang}`}>{t.reload}</a>
          </p>
        </noscript>
      </main>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: CHECKOUT_SCRIPT }} />
    </Layout>
  );
}

function Summary({ order, t, now, merchant }: { order: CheckoutOrder; t: Strings; now: number; merchant: string | null }) {
  return (
    <section class="card summary pay-only">
      <p class="amount" data-due>
        {formatVnd(amountDue(order) || order.amount)}
      </p>
      <p class="ref">
        {t.reference}: {order.reference}
        {order.description && ` · ${order.description}`}
      </p>
      <p class="partial-only">
        {t.received} <strong data-paid-amount>{formatVnd(order.amountPaid)}</strong> · {t.stillDue}{' '}
        <strong data-due>{formatVnd(amountDue(order))}</strong>
        <br />
        <small class="any-only">{t.partialQr}</small>
        <strong class="fixed-only">{t.partialFixedQr(merchant ?? t.theShop)}</strong>
      </p>
      <p class="status-line">
        <span class="badge" data-status-text>
          {t.statusLabel[order.status]}
        </span>{' '}
        <span class="timer">
          {t.expiresIn} <strong data-countdown>{formatRemaining(Date.parse(order.expiresAt) - now, t.days)}</strong>
        </span>
      </p>
    </section>
  );
}

function QrCard({ order, remaining, pageUrl, t }: CheckoutPageProps & { t: Strings }) {
  const due = amountDue(order);
  const linkable = remaining.ok;
  return (
    <section class="card qr-card pay-only" data-qr-card>
      <figure class="qr">
        <img class="qr-img" src={qrImageUrl(order, remaining, QR_PX)} width={260} height={260} alt={t.qrAlt} data-qr-img />
        <figcaption>{t.scanQr}</figcaption>
      </figure>
      <div class="actions">
        <a class="button save" href={qrImageUrl(order, remaining, DOWNLOAD_PX)} download={qrFileName(order.reference)} data-qr-download>
          ⤓ {t.saveQr}
        </a>
        {linkable && (
          <details class="apps">
            <summary class="button">{t.openApp}</summary>
            <p class="note">{t.openAppNote}</p>
            <ul>
              {BANK_APPS.map((app) => (
                <li>
                  <a
                    href={deepLink(app, {
                      amount: due,
                      content: order.transferContent,
                      accountNumber: order.bank.accountNumber,
                      bankCode: order.bank.shortName,
                      accountName: order.bank.accountName,
                      returnUrl: pageUrl,
                    })}
                    rel="noreferrer noopener external"
                    data-app-link
                  >
                    {app.name}
                  </a>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <p class="hint">{t.saveQrHint}</p>
    </section>
  );
}

function TransferDetails({ order, t }: { order: CheckoutOrder; t: Strings }) {
  const { bank } = order;
  const due = amountDue(order) || order.amount;
  return (
    <section class="card details pay-only">
      <h2>{t.orTransfer}</h2>
      <dl>
        {/* One CopyField per detail the payer may copy: alike by design. */}
        <CopyField
          label={t.accountNumber}
          value={bank.accountNumber}
          copy={bank.accountNumber}
          copyLabel={t.copy}
          className="mono account"
        />
        <CopyField
          label={t.transferContent}
          value={order.transferContent}
          copy={order.transferContent}
          copyLabel={t.copy}
          className="content mono"
        />
        <CopyField label={t.amount} value={<span data-due>{formatVnd(due)}</span>} copy={String(due)} copyLabel={t.copy} due />
        <CopyField label={t.bank} value={`${bank.name} (${bank.shortName})`} copy={bank.name} copyLabel={t.copy} />
        <CopyField label={t.accountName} value={bank.accountName} copy={bank.accountName} copyLabel={t.copy} />
      </dl>
      <p class="warn">{t.keepContent}</p>
      <p class="expiry">
        {t.expiresAt} <time datetime={order.expiresAt}>{formatVietnamTime(order.expiresAt)}</time> ({t.timeZone})
      </p>
    </section>
  );
}
