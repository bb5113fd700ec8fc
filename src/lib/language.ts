import type { Context, MiddlewareHandler } from 'hono';
import { type DetectorType, languageDetector } from 'hono/language';

/** The two languages of every page (the checkout, the dashboard); Vietnamese is the default. */
export type Lang = 'vi' | 'en';

export const isLang = (value: unknown): value is Lang => value === 'vi' || value === 'en';

/** The same page in the other language, for the switch link. */
export const otherLang = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');

/**
 * hono's languageDetector over vi/en: the first of `order`'s sources that names one of them wins (`?lang=`, the
 * `lookupCookie` cookie, Accept-Language by its q-values), else Vietnamese. It writes no cookie: where a choice
 * is remembered, the page does it with its own cookie rules (dashboard/lang.ts).
 */
export function detectLanguage(options: { order: DetectorType[]; lookupCookie?: string; ignoreCase: boolean }): MiddlewareHandler {
  return languageDetector({ supportedLanguages: ['vi', 'en'], fallbackLanguage: 'vi', caches: false, ...options });
}

/** The language detectLanguage chose for this request. */
export const languageOf = (c: Context): Lang => (c.get('language') === 'en' ? 'en' : 'vi');

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by detectLanguage (hono's languageDetector). */
    language: string;
  }
}
