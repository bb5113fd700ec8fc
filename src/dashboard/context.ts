import type { Context } from 'hono';
import type { AppVariables } from '../lib/app-env';
import type { FormFields } from './csrf';
import type { Lang, Strings } from './i18n';

/** What the dashboard's middleware puts on every request's context. */
export interface DashVariables extends AppVariables {
  lang: Lang;
  t: Strings;
  /** CSP nonce of this response's script and stylesheet. */
  nonce: string;
  /** The CSRF token every form of this response carries (empty before sign-in). */
  csrf: string;
  /** The session cookie's value (signed-in requests only). */
  sessionToken: string;
  /** The parsed form of a POST (see formOf). */
  form: FormFields;
}

export type DashEnv = { Bindings: Env; Variables: DashVariables };
export type DashContext = Context<DashEnv>;
