/** A row of `idempotency_keys`: a claimed key (status NULL while its request runs) and, once done, its stored answer. */
export interface IdempotencyRow {
  request_hash: string;
  status: number | null;
  body: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Takes the key for a request: a new key, or one whose answer is older than `retainMs`, or whose claim is
 * older than `abandonedMs` with no answer (its request died). True when this call holds the key now.
 */
export async function claimIdempotencyKey(
  env: Env,
  merchantId: string,
  key: string,
  hash: string,
  now: number,
  limits: { retainMs: number; abandonedMs: number },
): Promise<boolean> {
  const taken = await env.DB.prepare(
    `INSERT INTO idempotency_keys (merchant_id, key, request_hash, status, body, created_at) VALUES (?, ?, ?, NULL, NULL, ?)
     ON CONFLICT (merchant_id, key) DO UPDATE
       SET request_hash = excluded.request_hash, status = NULL, body = NULL, created_at = excluded.created_at
       WHERE idempotency_keys.created_at < ? OR (idempotency_keys.status IS NULL AND idempotency_keys.created_at < ?)`,
  )
    .bind(merchantId, key, hash, iso(now), iso(now - limits.retainMs), iso(now - limits.abandonedMs))
    .run();
  return taken.meta.changes > 0;
}

export function getIdempotencyKey(env: Env, merchantId: string, key: string): Promise<IdempotencyRow | null> {
  return env.DB.prepare('SELECT request_hash, status, body FROM idempotency_keys WHERE merchant_id = ? AND key = ?')
    .bind(merchantId, key)
    .first<IdempotencyRow>();
}

/** Stores the answer of the request holding the key (only that request's claim: same hash, still unanswered). */
export async function storeIdempotentAnswer(env: Env, merchantId: string, key: string, hash: string, status: number, body: string) {
  await env.DB.prepare(
    'UPDATE idempotency_keys SET status = ?, body = ? WHERE merchant_id = ? AND key = ? AND request_hash = ? AND status IS NULL',
  )
    .bind(status, body, merchantId, key, hash)
    .run();
}

/** Lets the key go after a failed request, so that it can be retried with the same key. */
export async function releaseIdempotencyKey(env: Env, merchantId: string, key: string, hash: string) {
  await env.DB.prepare('DELETE FROM idempotency_keys WHERE merchant_id = ? AND key = ? AND request_hash = ? AND status IS NULL')
    .bind(merchantId, key, hash)
    .run();
}
