import type { Child } from 'hono/jsx';
import type { Lang } from './i18n';
import { CHECKOUT_CSS } from './styles';

interface LayoutProps {
  lang: Lang;
  title: string;
  nonce: string;
  /** The merchant's accent colour, already checked to be #rrggbb. */
  accent?: string | null;
  children?: Child;
}

const ACCENT = /^#[0-9a-fA-F]{6}$/;

/** The HTML shell of every checkout page: no external resources, not for search engines. */
export function Layout({ lang, title, nonce, accent, children }: LayoutProps) {
  // Checked again here: the colour goes into a stylesheet, where anything else could break out.
  const brand = accent && ACCENT.test(accent) ? `:root{--accent:${accent}}` : '';
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        {/* An empty icon: otherwise the browser asks for /favicon.ico, one more request and a 404. */}
        <link rel="icon" href="data:," />
        <title>{title}</title>
        <style nonce={nonce} dangerouslySetInnerHTML={{ __html: CHECKOUT_CSS + brand }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
