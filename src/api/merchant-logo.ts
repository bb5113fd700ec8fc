import { checkEndpointUrl } from '../lib/url-policy';

/** A logo shows at 40 px high: 32 KiB is plenty, and it is inlined in every checkout page. */
export const LOGO_MAX_BYTES = 32 * 1024;
const LOGO_TIMEOUT_MS = 5_000;

export type LogoResult = { ok: true; dataUrl: string } | { ok: false; reason: string };

/** The image type its first bytes say, only the three a logo may be. */
export function sniffImageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/webp' | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** The bytes of a body, or null past `limit` (the rest is never read). */
async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Fetches a merchant's logo once, at PATCH time, through the outbound URL policy: no redirects (they
 * could lead past the policy), a 5 s limit, at most 32 KiB, PNG, JPEG or WebP by content type and by
 * its bytes. The page then inlines it as a data URL and loads nothing from the merchant's host.
 */
export async function fetchLogo(url: string, allowPrivate: boolean, fetcher: typeof fetch = fetch): Promise<LogoResult> {
  const policy = checkEndpointUrl(url, allowPrivate);
  if (!policy.ok) return { ok: false, reason: policy.reason };
  let res: Response;
  try {
    res = await fetcher(url, {
      redirect: 'manual',
      headers: { accept: 'image/png, image/jpeg, image/webp' },
      signal: AbortSignal.timeout(LOGO_TIMEOUT_MS),
    });
  } catch (error) {
    return {
      ok: false,
      reason: `could not be fetched (${error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'network error'})`,
    };
  }
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel();
    return { ok: false, reason: `answered a redirect (${res.status}); give the image's final URL` };
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    return { ok: false, reason: `answered HTTP ${res.status}` };
  }
  const declared = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!['image/png', 'image/jpeg', 'image/webp'].includes(declared)) {
    await res.body?.cancel();
    return { ok: false, reason: `must be image/png, image/jpeg or image/webp, got ${declared || 'no content type'}` };
  }
  const bytes = await readLimited(res.body, LOGO_MAX_BYTES);
  if (!bytes) return { ok: false, reason: `is larger than ${LOGO_MAX_BYTES / 1024} KiB` };
  const sniffed = sniffImageType(bytes);
  if (sniffed !== declared) return { ok: false, reason: `is not a ${declared} image (its bytes say ${sniffed ?? 'something else'})` };
  return { ok: true, dataUrl: `data:${sniffed};base64,${base64(bytes)}` };
}
