const hasControlOrBackslash = (text: string) => [...text].some((char) => char === '\\' || char.charCodeAt(0) < 0x20);

/**
 * Where to go after signing in: a dashboard path of this service, never another site (`//evil`,
 * `/dashboard\\..`, an absolute URL) and never the sign-in pages themselves.
 */
export function safeNext(value: string | undefined | null): string {
  if (!value || value.length > 2000) return '/dashboard';
  if (!/^\/dashboard(?:[/?#]|$)/.test(value) || hasControlOrBackslash(value)) return '/dashboard';
  let url: URL;
  try {
    url = new URL(value, 'https://dashboard.invalid');
  } catch {
    return '/dashboard';
  }
  if (url.origin !== 'https://dashboard.invalid' || !url.pathname.startsWith('/dashboard')) return '/dashboard';
  if (/^\/dashboard\/(sign-in|link|sign-out)\b/.test(url.pathname)) return '/dashboard';
  return `${url.pathname}${url.search}`;
}

/** The sign-in page that comes back to `path` afterwards (`expired`: a session cookie was there but no longer works). */
export function signInPath(path: string, expired = false): string {
  const query = new URLSearchParams();
  if (path !== '/dashboard') query.set('next', path);
  if (expired) query.set('expired', '1');
  const text = query.toString();
  return text ? `/dashboard/sign-in?${text}` : '/dashboard/sign-in';
}
