import type { Child } from 'hono/jsx';
import type { Lang } from './i18n';
import { CHECKOUT_CSS } from './styles';

interface LayoutProps {
  lang: Lang;
  title: string;
  nonce: string;
  children?: Child;
}

/** The HTML shell of every checkout page: no external resources, not for search engines. */
export function Layout({ lang, title, nonce, children }: LayoutProps) {
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
        <style nonce={nonce} dangerouslySetInnerHTML={{ __html: CHECKOUT_CSS }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
