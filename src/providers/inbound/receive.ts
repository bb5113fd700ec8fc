import type { Context } from 'hono';
import { type ReportOutcome, submitReports } from '../../ledger/submit';
import type { AppEnv } from '../../lib/app-env';
import { log } from '../../lib/log';
import { HttpError } from '../../lib/problem';
import { publicOrigin } from '../../lib/public-origin';
import { reportSource } from '../report-source';
import type { ProviderAccount, ProviderName } from '../types';
import { authLimiter } from './auth-limit';
import { callbackAccount } from './callback-account';
import { CallbackError } from './errors';
import { readRawBody } from './raw-body';
import type { InboundBatch } from './types';

/** How one provider's callback is checked, read and answered; the steps run in the order below. */
export interface Receiver<Presented> {
  provider: ProviderName;
  /** Reads the proof the request presents (headers, URL), with no I/O: a request without one costs nothing. */
  present(request: { headers: Headers; params: Record<string, string>; now: Date }): Presented;
  /** Checks the proof against the account's credentials, then parses the body (throws CallbackError 401 / 400). */
  accept(presented: Presented, input: { raw: string; account: ProviderAccount; now: Date; secretsKey: string }): Promise<InboundBatch>;
  /** The provider's "received" answer, given after every transaction is durably recorded. */
  success(batch: InboundBatch, settled: ReportOutcome[]): Response;
  failure(error: CallbackError): Response;
}

/**
 * Runs one request to a hook URL (`…/:paId/…`): a client blocked for failed authentications is refused
 * first, with no I/O; then `run`. Whatever `run` throws becomes the provider's own error answer, and a 401
 * counts as a failed authentication of this client on this account.
 */
export async function answering(
  c: Context<AppEnv>,
  provider: ProviderName,
  failure: Receiver<unknown>['failure'],
  run: () => Promise<Response>,
): Promise<Response> {
  const accountId = c.req.param('paId');
  const limiter = authLimiter(c.env, c.req.raw.headers, accountId);
  try {
    limiter?.refuseIfBlocked();
    return await run();
  } catch (error) {
    const refused = asCallbackError(error);
    if (refused.status === 401) await limiter?.failed();
    const fields = { requestId: c.get('requestId'), provider, accountId, status: refused.status, code: refused.code };
    if (refused.status >= 500) log('error', 'callback failed', { ...fields, error: String((error as Error)?.stack ?? error) });
    else if (refused.status !== 429) log('warn', 'callback refused', { ...fields, detail: refused.detail });
    const answer = failure(refused);
    for (const [name, value] of Object.entries(refused.headers ?? {})) answer.headers.set(name, value);
    return answer;
  }
}

function asCallbackError(error: unknown): CallbackError {
  if (error instanceof CallbackError) return error;
  if (error instanceof HttpError) return new CallbackError(error.status, `HTTP_${error.status}`, error.detail, error.headers);
  // Not a 2xx, so the provider retries; dedup absorbs whatever did get recorded.
  return new CallbackError(500, 'INTERNAL_ERROR', 'Internal error');
}

/**
 * The route handler of a provider's callback URL: the one receive pipeline every provider's hook runs.
 * Proof from the headers (no I/O) → the account (isolate cache) → the body → verify and parse → the
 * ledger (`submitReports`, the single door for reports) → the provider's success answer, after the commit.
 */
export function receiveRoute<Presented>(receiver: Receiver<Presented>) {
  return (c: Context<AppEnv>) =>
    answering(c, receiver.provider, receiver.failure, async () => {
      const now = new Date();
      const presented = receiver.present({ headers: c.req.raw.headers, params: c.req.param(), now });
      const account = await callbackAccount(c.env, c.req.param('paId'), receiver.provider);
      const raw = await readRawBody(c.req.raw);
      const batch = await receiver.accept(presented, { raw, account, now, secretsKey: c.env.SECRETS_KEY });
      const settled =
        batch.transactions.length > 0
          ? await submitReports(c.env, reportSource(account), batch.transactions, {
              via: 'callback',
              origin: publicOrigin(c.env, c.req.url),
            })
          : [];
      log('info', 'callback accepted', {
        requestId: c.get('requestId'),
        provider: receiver.provider,
        accountId: account.id,
        payments: settled.map((s) => s.paymentId),
        known: settled.filter((s) => s.known).length,
        ignored: batch.ignored.map((i) => i.reason),
      });
      return receiver.success(batch, settled);
    });
}
