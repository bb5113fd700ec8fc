export interface IssuedToken {
  token: string;
  expiresInSeconds: number;
}

interface Cached {
  token: string;
  /** Epoch ms after which the token is no longer used. */
  usableUntil: number;
}

// Refresh this long before VietQR's expiry so a token never dies between our check and its use.
const REFRESH_MARGIN_MS = 30_000;
const CACHE_LIMIT = 1000;

// Per isolate: the token for each account, and at most one token request in flight per account.
const tokens = new Map<string, Cached>();
const pending = new Map<string, Promise<Cached>>();

/**
 * The cached token for `key`, or a fresh one from `issue`. Concurrent callers share one request;
 * a failed request is not cached, so the next caller tries again.
 */
export async function cachedToken(key: string, now: () => Date, issue: () => Promise<IssuedToken>): Promise<string> {
  const cached = tokens.get(key);
  if (cached && now().getTime() < cached.usableUntil) return cached.token;
  let request = pending.get(key);
  if (!request) {
    request = issue()
      .then(({ token, expiresInSeconds }) => {
        const entry = { token, usableUntil: now().getTime() + expiresInSeconds * 1000 - REFRESH_MARGIN_MS };
        if (tokens.size >= CACHE_LIMIT) tokens.clear();
        tokens.set(key, entry);
        return entry;
      })
      .finally(() => pending.delete(key));
    pending.set(key, request);
  }
  return (await request).token;
}

/** Drops `token` for `key` after the provider refused it (revoked or expired early). */
export function forgetToken(key: string, token: string): void {
  if (tokens.get(key)?.token === token) tokens.delete(key);
}
