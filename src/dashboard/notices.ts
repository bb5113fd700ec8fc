import type { DashContext } from './context';
import type { Strings } from './i18n';

export type NoticeKey = keyof Strings['notices'];

/** What the last action did, carried by `?notice=` after a redirect (only known keys are shown). */
export function noticeOf(c: DashContext): string | undefined {
  const key = c.req.query('notice');
  const notices = c.get('t').notices;
  return key && Object.hasOwn(notices, key) ? notices[key as NoticeKey] : undefined;
}

/** The page of `path` after an action succeeded: 303, so a reload does not post again. */
export const doneRedirect = (c: DashContext, path: string, notice: NoticeKey) =>
  c.redirect(`${path}${path.includes('?') ? '&' : '?'}notice=${notice}`, 303);
