import { z } from 'zod';
import { log } from '../../lib/log';
import { accountField } from '../account-field';
import { toBatch } from '../inbound/incoming';
import { optional, text, transactionId, vnd } from '../inbound/values';
import { formatVnCompact, occurredAt, parseVnCompact } from '../inbound/vn-time';
import { callProvider, type ErrorReader, joinUrl, ProviderRejection, readAnswer } from '../outbound';
import { readCursor } from '../pull-cursor';
import { RateLimited } from '../rate-limited';
import type { ListingPull, ProviderAccount, ProviderContext, PullPage, PullRequest, Transaction } from '../types';
import { defaultBaseUrl } from './account';
import { signedHeaders } from './sign';

// PROVIDERS.md "Pull: 5. Tingee": POST /v1/transaction/get-paging (signed like every Tingee request),
// a time window from the last watermark minus 10 minutes to now, paged by skipCount, newest first.
// Unverified and kept here: startTime/endTime as yyyyMMddHHmmss UTC+7 [3P T9]; `code` as the bank
// reference, i.e. the webhook's transactionCode [? T5]; `type` "DEBIT" for money out [3P T9]; 100 per
// page [3P]; code 1001 "too fast", backed off for 60 s [3P T10].
const PATH = '/v1/transaction/get-paging';
const MAX_PAGE = 100;
const OVERLAP_MS = 10 * 60_000;
const TOO_FAST = '1001';
const TOO_FAST_BACKOFF_MS = 60_000;

const readError: ErrorReader = (_status, body) => {
  const { code, message } = (body ?? {}) as { code?: unknown; message?: unknown };
  if (code === undefined || code === '00') return null;
  return { code: String(code), message: typeof message === 'string' && message ? message : String(code) };
};

const pageAnswer = z.object({
  data: z.object({ totalCount: z.number().int().nullish(), items: z.array(z.record(z.string(), z.unknown())) }),
});

const iso = z.iso.datetime({ offset: true });
/** Everything up to `watermark` is committed; `window` is a window being paged through. */
const cursorSchema = z.object({
  watermark: iso,
  window: z.object({ start: iso, end: iso, skip: z.number().int().min(0) }).optional(),
});
type Cursor = z.infer<typeof cursorSchema>;

// Alike the other listing pulls in shape (one request, one record → one report); the wire format is this provider's.
function toTransaction(item: Record<string, unknown>, account: ProviderAccount, now: Date): Transaction | null {
  const reference = optional(item.code);
  const txId = reference ?? transactionId(item.transactionId);
  const amount = vnd(item.amount);
  if (txId === null || amount === null) return null;
  return {
    provider: 'tingee',
    providerAccountId: account.id,
    // The webhook names a transfer by transactionCode (CONTRACT §6); `code` is its likeliest twin here.
    providerTransactionId: txId,
    amount: item.type === 'DEBIT' ? 0 : amount,
    content: text(item.content),
    bankReference: reference,
    accountNumber: optional(item.accountNumber),
    virtualAccount: optional(item.vaAccountNumber),
    providerReference: optional(item.billId),
    counterAccount: null,
    occurredAt: occurredAt(parseVnCompact(item.transactionDate), now),
    raw: JSON.stringify(item),
  };
}

/** A Tingee merchant may list several accounts; only this account's own transfers are its reports. */
const ofAccount = (item: Record<string, unknown>, accountNumber: string) =>
  optional(item.accountNumber) === accountNumber || optional(item.vaAccountNumber) === accountNumber;

export async function page(account: ProviderAccount, request: PullRequest, ctx: ProviderContext): Promise<PullPage> {
  const now = ctx.now();
  const stored = readCursor(cursorSchema, request.cursor);
  const window = stored?.window ?? {
    start: stored ? new Date(Date.parse(stored.watermark) - OVERLAP_MS).toISOString() : request.since.toISOString(),
    end: now.toISOString(),
    skip: 0,
  };
  const take = Math.max(1, Math.min(MAX_PAGE, request.limit));
  const body = JSON.stringify({
    skipCount: window.skip,
    maxResultCount: take,
    startTime: formatVnCompact(new Date(window.start), false),
    endTime: formatVnCompact(new Date(window.end), false),
  });
  const headers = await signedHeaders(accountField(account, 'clientId'), accountField(account, 'secretToken'), body, now);
  let answer: unknown;
  try {
    const url = joinUrl(account.baseUrl ?? defaultBaseUrl(account.mode), PATH);
    answer = await callProvider(ctx, { provider: 'tingee', op: 'transaction-get-paging', url, headers, body }, readError);
  } catch (error) {
    if (error instanceof ProviderRejection && error.code === TOO_FAST) {
      throw new RateLimited('tingee', error.code, error.providerMessage, TOO_FAST_BACKOFF_MS);
    }
    throw error;
  }
  const { data } = readAnswer('tingee', pageAnswer, answer);
  const accountNumber = accountField(account, 'accountNumber');
  const entries = data.items.flatMap((item) => {
    if (!ofAccount(item, accountNumber)) return [];
    const tx = toTransaction(item, account, now);
    if (!tx) log('warn', 'tingee pull: an item without a usable id or amount is skipped', { accountId: account.id });
    return tx ? [tx] : [];
  });
  const skip = window.skip + data.items.length;
  const done = data.items.length < take || (typeof data.totalCount === 'number' && skip >= data.totalCount);
  const cursor: Cursor = done ? { watermark: window.end } : { watermark: stored?.watermark ?? window.start, window: { ...window, skip } };
  return { transactions: toBatch(entries).transactions, records: data.items.length, cursor: JSON.stringify(cursor), done };
}

export const pull: ListingPull = {
  needs: [],
  // "Listing: every 2–5 min per merchant".
  intervalMs: 5 * 60_000,
  // No documented limit; a poller every 5 s ran into 1001 [3P T10], so one request a second at most.
  spacingMs: 1_000,
  page,
};
