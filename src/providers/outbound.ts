import type { z } from 'zod';
import { log } from '../lib/log';
import { checkEndpointUrl } from '../lib/url-policy';
import { ProviderError } from './errors';
import { redact } from './redact';
import type { ProviderContext } from './types';

/** Every provider call gives up after this long: the merchant's POST /v1/orders is waiting. */
export const PROVIDER_TIMEOUT_MS = 10_000;

/** A provider refused with an HTTP status: kept so callers can tell "your input is wrong" (4xx) from an outage. */
export class ProviderRejection extends ProviderError {
  constructor(
    provider: string,
    code: string,
    providerMessage: string,
    readonly providerStatus: number,
  ) {
    super(provider, code, providerMessage);
  }
}

export interface ProviderRequest {
  provider: string;
  /** Short name of the operation, for logs. */
  op: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** The exact body text sent (and signed). */
  body?: string;
}

/** Reads the provider's own error code and message out of an answer, or null when the answer is a success. */
export type ErrorReader = (status: number, body: unknown) => { code: string; message: string } | null;

/**
 * The real clock and fetch, under the environment's outbound URL policy; `fetch` is looked up per call so
 * tests that spy on it see every request.
 */
export const liveProviderContext = (env: { ALLOW_PRIVATE_ENDPOINTS?: string }): ProviderContext => ({
  fetch: (input, init) => fetch(input, init),
  now: () => new Date(),
  allowPrivateUrls: env.ALLOW_PRIVATE_ENDPOINTS === 'true',
});

/** How much of a provider's own error code and message reaches our caller: enough to act on, never a page. */
const MAX_CODE = 40;
const MAX_MESSAGE = 200;
const clip = (text: string, max: number) => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/**
 * Sends one request and returns the parsed JSON answer. Every failure (a URL the outbound policy refuses,
 * network, timeout, HTTP error, error code in a 200 body, non-JSON answer) becomes a ProviderError, i.e. a
 * 502 naming at most the provider's own error code and message, truncated: an answer in no format of the
 * provider's is described by its status alone, so nothing an unexpected server says reaches the caller.
 */
export async function callProvider(ctx: ProviderContext, request: ProviderRequest, readError: ErrorReader): Promise<unknown> {
  const { provider, op, url, method = 'POST', headers = {}, body } = request;
  // At send time too: an account stored before the policy, or under ALLOW_PRIVATE_ENDPOINTS since turned off.
  const allowed = checkEndpointUrl(url, ctx.allowPrivateUrls === true);
  if (!allowed.ok) throw new ProviderError(provider, 'URL_REFUSED', `the provider URL ${allowed.reason}`);
  const started = Date.now();
  let status: number;
  let text: string;
  try {
    const response = await ctx.fetch(url, {
      method,
      headers,
      body,
      // A provider API never redirects; following one would send our credentials elsewhere.
      redirect: 'manual',
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    logCall('warn', request, { durationMs: Date.now() - started, error: String(error) });
    throw transportError(provider, error);
  }
  const json = parseJson(text);
  logCall(status < 400 ? 'info' : 'warn', request, { status, durationMs: Date.now() - started, response: json ?? snippet(text) });
  const refusal = json === undefined ? null : readError(status, json);
  const code = refusal ? clip(refusal.code, MAX_CODE) || `HTTP_${status}` : `HTTP_${status}`;
  const message = refusal ? clip(refusal.message, MAX_MESSAGE) || code : `HTTP ${status}`;
  if (status < 200 || status >= 300) throw new ProviderRejection(provider, code, message, status);
  if (refusal) throw new ProviderRejection(provider, code, message, status);
  if (json === undefined) throw new ProviderError(provider, 'BAD_RESPONSE', `${op} answer is not JSON`);
  return json;
}

/** Validates a successful answer's shape; a surprise shape is the provider's fault, so also a 502. */
export function readAnswer<T>(provider: string, schema: z.ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'answer';
  throw new ProviderError(provider, 'BAD_RESPONSE', `unexpected answer: ${where}: ${issue?.message ?? 'invalid'}`);
}

function transportError(provider: string, error: unknown): ProviderError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ProviderError(provider, 'TIMEOUT', `no answer within ${PROVIDER_TIMEOUT_MS / 1000} s`);
  }
  return new ProviderError(
    provider,
    'NETWORK',
    `request failed: ${clip(error instanceof Error ? error.message : String(error), MAX_MESSAGE)}`,
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const snippet = (text: string) => text.trim().slice(0, 200);

function logCall(level: 'info' | 'warn', request: ProviderRequest, fields: Record<string, unknown>) {
  const path = new URL(request.url).pathname;
  const sent = request.body === undefined ? undefined : redact(parseJson(request.body) ?? '[not JSON]');
  log(level, 'provider call', {
    provider: request.provider,
    op: request.op,
    method: request.method ?? 'POST',
    path,
    request: sent,
    ...fields,
    response: redact(fields.response),
  });
}

/** `base` (with or without a trailing slash, possibly with a path such as `/vqr`) + `/path`. */
export const joinUrl = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;
