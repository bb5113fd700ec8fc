const MAX_WAIT_MS = 3_600_000;

/**
 * How long a 429 asks us to wait, in ms, from its headers: `Retry-After` (seconds or an HTTP date), or
 * `X-RateLimit-Reset` (epoch seconds, or seconds from now when small). Null when none is readable; at most an hour.
 */
export function retryAfterMs(headers: Headers, nowMs: number): number | null {
  const clamp = (ms: number) => Math.min(MAX_WAIT_MS, Math.max(0, Math.ceil(ms)));
  const seconds = (value: string | null) => (value !== null && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : null);
  const retryAfter = headers.get('retry-after');
  const delay = seconds(retryAfter);
  if (delay !== null) return clamp(delay * 1000);
  if (retryAfter) {
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return clamp(at - nowMs);
  }
  const reset = seconds(headers.get('x-ratelimit-reset'));
  if (reset !== null) return clamp(reset > 1e9 ? reset * 1000 - nowMs : reset * 1000);
  return null;
}
