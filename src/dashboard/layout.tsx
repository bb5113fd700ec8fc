import type { Child } from 'hono/jsx';
import type { Merchant } from '../lib/app-env';
import { ASSET_VERSION } from './assets';
import { PostForm } from './components';
import type { DashContext } from './context';
import { type Lang, otherLang, type Strings } from './i18n';

export type Section = 'overview' | 'orders' | 'payments' | 'endpoints' | 'accounts' | 'none';

const NAV: [Exclude<Section, 'none'>, string][] = [
  ['overview', '/dashboard'],
  ['orders', '/dashboard/orders'],
  ['payments', '/dashboard/payments'],
  ['endpoints', '/dashboard/endpoints'],
  ['accounts', '/dashboard/accounts'],
];

/** The same page in the other language (the choice is remembered by a cookie from then on). */
function langHref(url: string, lang: Lang): string {
  const parsed = new URL(url);
  parsed.searchParams.set('lang', otherLang(lang));
  return `${parsed.pathname}?${parsed.searchParams.toString()}`;
}

interface ShellProps {
  lang: Lang;
  t: Strings;
  nonce: string;
  title: string;
  url: string;
  head?: Child;
  children?: Child;
}

function Shell({ lang, t, nonce, title, head, children }: ShellProps) {
  return (
    <html lang={lang} data-copied={t.common.copied}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        {/* Same-origin referrers: the app's headers say no-referrer, which makes a browser send `Origin: null` with form posts. */}
        <meta name="referrer" content="same-origin" />
        <link rel="icon" href="data:," />
        <title>{`${title} · ${t.brand}`}</title>
        <link rel="stylesheet" href={`/dashboard/assets/app.css?v=${ASSET_VERSION}`} nonce={nonce} />
        <script src={`/dashboard/assets/app.js?v=${ASSET_VERSION}`} nonce={nonce} defer />
        {head}
      </head>
      <body>
        <a class="skip" href="#main">
          {t.common.skipToContent}
        </a>
        {children}
      </body>
    </html>
  );
}

function ModeBadge({ merchant, t }: { merchant: Merchant; t: Strings }) {
  return (
    <span class={`mode mode-${merchant.mode}`} title={merchant.mode === 'test' ? t.mode.testHint : t.mode.liveHint}>
      {merchant.mode === 'test' ? t.mode.test : t.mode.live}
    </span>
  );
}

/** A signed-in page: header with the merchant, test/live badge, navigation, language switch and sign-out. */
export function Layout(props: { c: DashContext; title: string; section: Section; children?: Child }) {
  const { c } = props;
  const t = c.get('t');
  const lang = c.get('lang');
  const merchant = c.get('merchant');
  return (
    <Shell lang={lang} t={t} nonce={c.get('nonce')} title={props.title} url={c.req.url}>
      <header class="top">
        <div class="bar">
          <a class="brand" href="/dashboard">
            {t.brand}
          </a>
          <span class="merchant">{merchant.name}</span>
          <ModeBadge merchant={merchant} t={t} />
          <span class="spacer" />
          <a class="lang" href={langHref(c.req.url, lang)} hreflang={otherLang(lang)} lang={otherLang(lang)}>
            {t.common.otherLanguage}
          </a>
          <PostForm action="/dashboard/sign-out" csrf={c.get('csrf')} class="inline">
            <button type="submit" class="secondary small">
              {t.signIn.signOut}
            </button>
          </PostForm>
        </div>
        <nav class="nav" aria-label={t.nav.label}>
          {NAV.map(([key, href]) => (
            <a href={href} aria-current={props.section === key ? 'page' : undefined}>
              {t.nav[key]}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" tabindex={-1}>
        {props.children}
      </main>
    </Shell>
  );
}

/** A page outside a session (sign-in, errors before sign-in): no navigation. */
export function PlainLayout(props: { c: DashContext; title: string; head?: Child; children?: Child }) {
  const { c } = props;
  const t = c.get('t');
  const lang = c.get('lang');
  return (
    <Shell lang={lang} t={t} nonce={c.get('nonce')} title={props.title} url={c.req.url} head={props.head}>
      <header class="top">
        <div class="bar">
          <span class="brand">{t.brand}</span>
          <span class="spacer" />
          <a class="lang" href={langHref(c.req.url, lang)} hreflang={otherLang(lang)} lang={otherLang(lang)}>
            {t.common.otherLanguage}
          </a>
        </div>
      </header>
      <main id="main" class="narrow" tabindex={-1}>
        {props.children}
      </main>
    </Shell>
  );
}
