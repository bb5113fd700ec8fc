// One delivery attempt: POST, classify the answer. Never throws: every outcome is a result to record.

/** Response bodies are kept for the attempt log up to this many bytes. */
export const RESPONSE_BODY_LIMIT = 2048;

export interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export interface SendResult {
  /** A 2xx answer within the timeout. */
  ok: boolean;
  /** HTTP status, or null when no answer came (timeout, network error). */
  status: number | null;
  /** The first 2 KiB of the answer (UTF-8). */
  body: string;
  durationMs: number;
  /** The raw `Retry-After` header, when present (see parseRetryAfter). */
  retryAfter?: string;
  /** 410 Gone: the receiver asks us to disable the endpoint. */
  disable: boolean;
  /** `webhook-delivery: abort-message`: the receiver asks us to stop retrying this message. */
  abort: boolean;
  error?: string;
}

export async function sendWebhook({ url, headers, body, timeoutMs, fetch: doFetch = fetch }: SendRequest): Promise<SendResult> {
  const started = Date.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  const failed = (error: string): SendResult => ({
    ok: false,
    status: null,
    body: '',
    durationMs: Date.now() - started,
    disable: false,
    abort: false,
    error,
  });
  try {
    // Redirects are not followed: a 3xx is the receiver's answer, and a failure (it may point anywhere).
    const response = await doFetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: controller.signal });
    const text = await readLimited(response, RESPONSE_BODY_LIMIT);
    const retryAfter = response.headers.get('retry-after');
    return {
      ok: response.status >= 200 && response.status < 300,
      status: response.status,
      body: text,
      durationMs: Date.now() - started,
      ...(retryAfter === null ? {} : { retryAfter }),
      disable: response.status === 410,
      abort: response.headers.get('webhook-delivery')?.trim().toLowerCase() === 'abort-message',
    };
  } catch (error) {
    if (controller.signal.aborted) return failed(`timed out after ${timeoutMs} ms`);
    return failed(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

/** Reads at most `limit` bytes of the body, cancels the rest, and decodes without exceeding the limit. */
async function readLimited(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  if (size >= limit) await reader.cancel().catch(() => {});
  const bytes = new Uint8Array(Math.min(size, limit));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
  }
  return truncateUtf8(new TextDecoder().decode(bytes, { stream: true }), limit);
}

/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).byteLength <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = encoder.encode(char).byteLength;
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}
