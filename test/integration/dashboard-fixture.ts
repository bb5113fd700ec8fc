// A browser without JavaScript for the dashboard tests: a cookie jar, GETs, and form posts that carry
// what a real form would (its fields, Origin, Sec-Fetch-Site). Redirects are not followed.
import { admin, BASE, newMerchant, type TestMerchant, worker } from './merchant-fixture';

export { BASE, newMerchant, type TestMerchant };

export interface Page {
  status: number;
  headers: Headers;
  html: string;
  location: string | null;
  setCookies: string[];
}

export interface Form {
  action: string;
  method: string;
  fields: [string, string][];
}

const decode = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39|#x27);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[name] ?? '',
  );

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) out[m[1]!.toLowerCase()] ??= decode(m[2] ?? '');
  return out;
}

/** Every form of a page with the fields a browser would send by default (checked boxes only, first submit button). */
export function formsOf(html: string): Form[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map((m) => {
    const form = attributes(m[1]!);
    const fields: [string, string][] = [];
    for (const input of m[2]!.matchAll(/<input\b([^>]*)>/g)) {
      const a = attributes(input[1]!);
      if (!a.name) continue;
      if ((a.type === 'checkbox' || a.type === 'radio') && !('checked' in a)) continue;
      fields.push([a.name, a.value ?? '']);
    }
    for (const select of m[2]!.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const options = [...select[2]!.matchAll(/<option\b([^>]*)>/g)].map((o) => attributes(o[1]!));
      const chosen = options.find((o) => 'selected' in o) ?? options[0];
      const name = attributes(select[1]!).name;
      if (name && chosen) fields.push([name, chosen.value ?? '']);
    }
    return { action: form.action ?? '', method: (form.method ?? 'get').toLowerCase(), fields };
  });
}

/** The POST form whose action is `action` (exactly, or ending with it). */
export function formTo(html: string, action: string): Form {
  const form = formsOf(html).find((f) => f.method === 'post' && (f.action === action || f.action.endsWith(action)));
  if (!form) throw new Error(`no form posting to ${action} on the page`);
  return form;
}

export const linksOf = (html: string) => [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => decode(m[1]!));
export const htmlLang = (html: string) => /<html[^>]*\blang="([a-z]+)"/.exec(html)?.[1];
/** The visible text of a page, tags dropped, whitespace collapsed (for "the page says …" checks). */
export const textOf = (html: string) =>
  decode(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  );

export function browser() {
  const jar = new Map<string, string>();
  async function send(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Page> {
    const headers: Record<string, string> = { ...init.headers };
    if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const url = path.startsWith('http') ? path : `${BASE}${path}`;
    const res = await worker.fetch(url, { method, headers, body: init.body, redirect: 'manual' });
    const setCookies = res.headers.getSetCookie();
    for (const raw of setCookies) {
      const [pair = '', ...attrs] = raw.split(';');
      const [name = '', value = ''] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      const gone = value === '' || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (gone) jar.delete(name.trim());
      else jar.set(name.trim(), value.trim());
    }
    return { status: res.status, headers: res.headers, html: await res.text(), location: res.headers.get('location'), setCookies };
  }
  return {
    jar,
    get: (path: string, headers?: Record<string, string>) => send('GET', path, { headers }),
    /** A form post as a browser sends it from one of our pages. */
    post: (path: string, fields: [string, string][] | Record<string, string>, headers: Record<string, string> = {}) =>
      send('POST', path, {
        body: new URLSearchParams(fields).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE, 'sec-fetch-site': 'same-origin', ...headers },
      }),
    /** Submits a page's form, with some fields replaced or added. */
    submit(form: Form, changes: Record<string, string | string[]> = {}) {
      const kept = form.fields.filter(([name]) => !(name in changes));
      const added = Object.entries(changes).flatMap(([name, value]) =>
        Array.isArray(value) ? value.map((v) => [name, v] as [string, string]) : [[name, value] as [string, string]],
      );
      return this.post(form.action, [...kept, ...added]);
    },
  };
}

export type Browser = ReturnType<typeof browser>;

/** A one-time sign-in link for the merchant, from the admin API. */
export async function signInLink(merchantId: string) {
  const res = await admin('POST', `/v1/admin/merchants/${merchantId}/dashboard-links`, {});
  if (res.status !== 201) throw new Error(`dashboard link: ${res.status} ${res.text}`);
  return res.body as { url: string; expiresAt: string };
}

/** A browser signed in to the merchant's dashboard by a one-time link. */
export async function signedIn(merchant: { id: string }): Promise<Browser> {
  const b = browser();
  const link = await signInLink(merchant.id);
  const res = await b.get(link.url);
  if (res.status !== 200 || !b.jar.has('dash_session')) throw new Error(`sign-in link: ${res.status}`);
  return b;
}

/** A merchant with a direct account, and a browser signed in to its dashboard. */
export async function dashboardMerchant(mode: 'test' | 'live' = 'test') {
  const merchant = await newMerchant(mode);
  const account = await merchant.account();
  return { merchant, account, browser: await signedIn(merchant) };
}
