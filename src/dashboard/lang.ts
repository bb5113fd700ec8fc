import type { MiddlewareHandler } from 'hono';
import type { DashEnv } from './context';
import { LANG_COOKIE, putCookie, readCookie } from './cookies';
import { isLang, type Lang, STRINGS } from './i18n';

const YEAR_SECONDS = 365 * 24 * 3600;

/** `?lang=` wins and is remembered; then the remembered choice; Vietnamese otherwise. */
export function chooseLang(query: string | undefined, remembered: string | undefined): Lang {
  if (isLang(query)) return query;
  return isLang(remembered) ? remembered : 'vi';
}

/** Sets `lang` and `t` on every dashboard request; a `?lang=` choice is kept in a cookie for the next pages. */
export const language: MiddlewareHandler<DashEnv> = async (c, next) => {
  const query = c.req.query('lang');
  const remembered = readCookie(c, LANG_COOKIE);
  const lang = chooseLang(query, remembered);
  c.set('lang', lang);
  c.set('t', STRINGS[lang]);
  if (isLang(query) && query !== remembered) putCookie(c, LANG_COOKIE, query, YEAR_SECONDS);
  await next();
};
