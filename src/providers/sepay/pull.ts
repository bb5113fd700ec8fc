import { z } from 'zod';
import { log } from '../../lib/log';
import { accountField } from '../account-field';
import { toBatch } from '../inbound/incoming';
import { optional, text, transactionId, vnd } from '../inbound/values';
import { formatVnDateTime, occurredAt, parseVnDateTime } from '../inbound/vn-time';
import { callProvider, type ErrorReader, joinUrl, readAnswer } from '../outbound';
import type { ListingPull, ProviderAccount, ProviderContext, PullPage, PullRequest, Transaction } from '../types';
import { defaultBaseUrl } from './account';

// PROVIDERS.md "Pull: 2. SePay", API v2 [D S4–S10]: GET /v2/transactions with the user API token as a
// Bearer, `since_id` (the last UUID we committed; "newer than", exclusive) with ascending dates,
// incoming only, 100 per page (the maximum) while `has_more`.
const MAX_PER_PAGE = 100;

// Success is {"status":"success",…}; errors carry `error_code` (401, 422, 429) [D S4, S9].
const readError: ErrorReader = (_status, body) => {
  const answer = (body ?? {}) as { status?: unknown; error_code?: unknown; message?: unknown };
  if (answer.status === 'success') return null;
  if (typeof answer.error_code !== 'string' && typeof answer.error_code !== 'number') return null;
  const code = String(answer.error_code);
  return { code, message: typeof answer.message === 'string' && answer.message ? answer.message : code };
};

const listAnswer = z.object({
  status: z.literal('success'),
  data: z.array(z.record(z.string(), z.unknown())),
  meta: z.object({ pagination: z.object({ has_more: z.boolean() }).loose() }).loose(),
});

/** The last transaction committed (a v2 UUID), or none yet. */
const cursorSchema = z.object({ sinceId: z.string().min(1) });

function readCursor(text: string | null): string | null {
  if (text === null) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.sinceId : null;
  } catch {
    return null;
  }
}

function toTransaction(record: Record<string, unknown>, account: ProviderAccount, now: Date): Transaction | null {
  const txId = transactionId(record.id);
  const amount = vnd(record.amount_in);
  if (txId === null || amount === null) return null;
  return {
    provider: 'sepay',
    providerAccountId: account.id,
    // A v2 UUID, not the numeric id the webhook carries [D S4]: the ledger knows the transfer again by
    // its bank reference, account and amount (CONTRACT §4a rule 2).
    providerTransactionId: txId,
    amount: record.transfer_type === 'in' ? amount : 0,
    content: text(record.transaction_content),
    bankReference: optional(record.reference_number),
    accountNumber: optional(record.account_number) ?? account.config.accountNumber ?? null,
    virtualAccount: optional(record.va),
    providerReference: null,
    counterAccount: null,
    occurredAt: occurredAt(parseVnDateTime(record.transaction_date), now),
    raw: JSON.stringify(record),
  };
}

/** One page after the cursor; the first run, or one with `since`, starts at that time (Vietnam time). */
export async function page(account: ProviderAccount, request: PullRequest, ctx: ProviderContext): Promise<PullPage> {
  const now = ctx.now();
  const sinceId = readCursor(request.cursor);
  const query = new URLSearchParams({
    transaction_date_sort: 'asc',
    transfer_type: 'in',
    per_page: String(Math.max(1, Math.min(MAX_PER_PAGE, request.limit))),
    page: '1',
  });
  if (sinceId) query.set('since_id', sinceId);
  else query.set('transaction_date_from', formatVnDateTime(request.since));
  // The documented base is https://userapi.sepay.vn/v2; a baseUrl given with or without /v2 both work.
  const base = (account.baseUrl ?? defaultBaseUrl(account.mode) ?? '').replace(/\/v2\/?$/, '');
  // Alike the other listing pulls in shape (one request, one record → one report); the wire format is this provider's.
  const answer = await callProvider(
    ctx,
    {
      provider: 'sepay',
      op: 'list-transactions',
      method: 'GET',
      url: `${joinUrl(base, '/v2/transactions')}?${query}`,
      headers: { authorization: `Bearer ${accountField(account, 'apiToken')}` },
    },
    readError,
  );
  const { data, meta } = readAnswer('sepay', listAnswer, answer);
  const entries = data.flatMap((record) => {
    // One API token lists every bank account of the SePay company; only this account's own transfers are its reports.
    const named = optional(record.account_number);
    if (named !== null && named !== account.config.accountNumber) return [];
    const tx = toTransaction(record, account, now);
    if (!tx) log('warn', 'sepay pull: a record without a usable id or amount is skipped', { accountId: account.id });
    return tx ? [tx] : [];
  });
  const last = transactionId(data.at(-1)?.id);
  return {
    transactions: toBatch(entries).transactions,
    records: data.length,
    cursor: JSON.stringify(last ? { sinceId: last } : sinceId ? { sinceId } : null),
    done: !meta.pagination.has_more || data.length === 0,
  };
}

export const pull: ListingPull = {
  needs: ['apiToken'],
  // "Cursor poll every 30–60 s": as often as the cron runs.
  intervalMs: 60_000,
  // 3 requests per second per IP [D S3, S6].
  spacingMs: 400,
  page,
};
