import type { Context, MiddlewareHandler } from 'hono';
import { sha256Hex } from '../crypto/hmac';
import { open, seal } from '../crypto/secret-box';
import { claimIdempotencyKey, getIdempotencyKey, releaseIdempotencyKey, storeIdempotentAnswer } from '../db/idempotency';
import type { AppEnv } from '../lib/app-env';
import { canonicalJson } from '../lib/canonical-json';
import { conflict, unprocessable } from '../lib/problem';

/*
 * `Idempotency-Key` on merchant POSTs (CONTRACT §1), in the manner of Stripe:
 * - The key is claimed before the handler runs (a row with status NULL = in flight), so of any number of
 *   concurrent duplicates exactly one executes; the others wait for its answer and replay it.
 * - A success (2xx) is stored and replayed for 24 h: same status, same body, nothing created again.
 * - An error releases the key. Errors never leave a partial write, so running the request again is safe,
 *   and it lets a client retry the same key after a provider outage (502) or after fixing what a 4xx named.
 *   Stripe likewise stores no result for requests that failed validation and lets failed ones be retried.
 * - The same key with a different request (method, path or body) is 409.
 */

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const RETENTION_MS = 24 * 60 * 60 * 1000;
/** An in-flight claim older than this belongs to a request that died (provider calls time out after 10 s). */
const ABANDONED_MS = 60_000;
const WAIT_MS = 15_000;

type Claim = { kind: 'claimed' } | { kind: 'replay'; status: number; body: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the key (new, expired or abandoned), or waits for the request holding it and returns its answer. */
async function claim(env: Env, merchantId: string, key: string, hash: string): Promise<Claim> {
  const deadline = Date.now() + WAIT_MS;
  for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
    const limits = { retainMs: RETENTION_MS, abandonedMs: ABANDONED_MS };
    if (await claimIdempotencyKey(env, merchantId, key, hash, Date.now(), limits)) return { kind: 'claimed' };
    const row = await getIdempotencyKey(env, merchantId, key);
    if (!row) continue; // released by a failed first attempt: claim it ourselves
    if (row.request_hash !== hash)
      throw conflict('This Idempotency-Key was already used with a different request', { code: 'idempotency_conflict' });
    if (row.status !== null) return { kind: 'replay', status: row.status, body: await openBody(env, merchantId, key, row.body) };
    if (Date.now() + pause > deadline)
      throw conflict('A request with this Idempotency-Key is still in progress; retry later', { code: 'idempotency_in_progress' });
    await sleep(pause);
  }
}

/*
 * A stored answer can hold what is shown only once (an endpoint's secret, a generated callback password), so
 * it is sealed like every other secret at rest, bound to its merchant and key.
 */
const boxId = (merchantId: string, key: string) => `idempotency:${merchantId}:${key}`;

async function openBody(env: Env, merchantId: string, key: string, body: string | null): Promise<string> {
  if (!body) return '';
  return body.startsWith('v1.') ? open(env.SECRETS_KEY, boxId(merchantId, key), body) : body;
}

async function finish(c: Context<AppEnv>, merchantId: string, key: string, hash: string) {
  if (c.res.status >= 200 && c.res.status < 300) {
    const text = await c.res.clone().text();
    const body = text ? await seal(c.env.SECRETS_KEY, boxId(merchantId, key), text) : '';
    await storeIdempotentAnswer(c.env, merchantId, key, hash, c.res.status, body);
  } else {
    await releaseIdempotencyKey(c.env, merchantId, key, hash);
  }
}

function replay(answer: { status: number; body: string }): Response {
  const headers: Record<string, string> = { 'idempotent-replayed': 'true' };
  if (answer.body) headers['content-type'] = 'application/json';
  return new Response(answer.body || null, { status: answer.status, headers });
}

/** Is this a merchant POST (CONTRACT §1: `Idempotency-Key` on any of them)? Admin and public QR routes are not. */
export const isMerchantPost = (method: string, path: string) =>
  method === 'POST' && path.startsWith('/v1/') && !path.startsWith('/v1/admin/') && !path.startsWith('/v1/qr/');

/** Middleware for merchant POSTs; runs after merchant auth (keys are per merchant). Mounted once for all of them in app.ts. */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return next();
  if (!KEY_PATTERN.test(key)) {
    throw unprocessable('Invalid Idempotency-Key header', [
      { path: 'Idempotency-Key', message: 'Expected 1–255 printable ASCII characters' },
    ]);
  }
  const merchantId = c.get('merchant').id;
  // The body passed jsonBody already (valid JSON or empty), so canonicalJson cannot throw here.
  const hash = await sha256Hex(`${c.req.method} ${c.req.path}\n${canonicalJson(await c.req.text())}`);
  const claimed = await claim(c.env, merchantId, key, hash);
  if (claimed.kind === 'replay') return replay(claimed);
  try {
    await next();
  } catch (error) {
    await releaseIdempotencyKey(c.env, merchantId, key, hash);
    throw error;
  }
  await finish(c, merchantId, key, hash);
};
