import type { MiddlewareHandler } from 'hono';
import { detectLanguage, isLang, languageOf } from '../lib/language';
import type { DashEnv } from './context';
import { LANG_COOKIE, putCookie, readCookie } from './cookies';
import { STRINGS } from './i18n';

const YEAR_SECONDS = 365 * 24 * 3600;

/** `?lang=` wins; then the choice remembered in the cookie; Vietnamese otherwise (no Accept-Language: the merchant chooses). */
const detect = detectLanguage({ order: ['querystring', 'cookie'], lookupCookie: LANG_COOKIE, ignoreCase: false });

/** Sets `lang` and `t` on every dashboard request; a `?lang=` choice is kept in a cookie for the next pages. */
export const language: MiddlewareHandler<DashEnv> = (c, next) =>
  detect(c, async () => {
    const lang = languageOf(c);
    c.set('lang', lang);
    c.set('t', STRINGS[lang]);
    const query = c.req.query('lang');
    if (isLang(query) && query !== readCookie(c, LANG_COOKIE)) putCookie(c, LANG_COOKIE, query, YEAR_SECONDS);
    await next();
  });
