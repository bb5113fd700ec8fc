import { z } from 'zod';
import { log } from '../../lib/log';
import { accountField } from '../account-field';
import { toBatch } from '../inbound/incoming';
import { counterAccount, optional, text, transactionId, vnd } from '../inbound/values';
import { formatVnDate, occurredAt, parseVnDateTime } from '../inbound/vn-time';
import { callProvider, type ErrorReader, joinUrl, readAnswer } from '../outbound';
import { readCursor } from '../pull-cursor';
import type { ListingPull, ProviderAccount, ProviderContext, PullPage, PullRequest, Transaction } from '../types';
import { defaultBaseUrl } from './account';

// PROVIDERS.md "Pull: 1. Casso": GET /v2/transactions with `Authorization: Apikey <key>` [D C1, C3].
// There is no cursor, only a date window (dates, no time of day) paged by number, oldest first.
const PAGE_SIZE = 100; // the maximum pageSize is not documented [?]; 100 is what integrations use
const DAY_MS = 86_400_000;

// {"error":0,"message","data"}; a non-zero `error` is a failure (401 also says so in the body).
const readError: ErrorReader = (_status, body) => {
  const { error, message } = (body ?? {}) as { error?: unknown; message?: unknown };
  if (error === undefined || error === 0) return null;
  return { code: String(error), message: typeof message === 'string' && message ? message : String(error) };
};

const id = z.union([z.string(), z.number()]);
const listAnswer = z.object({
  data: z.object({
    page: z.coerce.number().int().optional(),
    nextPage: z.coerce.number().int().nullish(),
    records: z.array(z.record(z.string(), z.unknown())),
  }),
});

/** Where a run resumes: the window's first date and the page to read next. */
const cursorSchema = z.object({ fromDate: z.string().regex(/^\d{4}-\d\d-\d\d$/), page: z.number().int().min(1) });
type Cursor = z.infer<typeof cursorSchema>;

/** A record of this account: its number matches the account's (a record naming none is kept). */
export const ofAccount = (number: unknown, account: ProviderAccount) => {
  const named = optional(number);
  return named === null || named === account.config.accountNumber;
};

/** `when` is "2021-04-15T00:00:00" (Vietnam time); some banks give the date only [D C1]. */
const bookedAt = (value: unknown) =>
  parseVnDateTime(value) ?? parseVnDateTime(typeof value === 'string' ? `${value.trim()} 00:00:00` : null);

// Alike the other listing pulls in shape (one request, one record → one report); the wire format is this provider's.
function toTransaction(record: Record<string, unknown>, account: ProviderAccount, now: Date): Transaction | null {
  const txId = transactionId(id.safeParse(record.id).success ? record.id : null);
  const amount = vnd(record.amount);
  if (txId === null || amount === null) return null;
  return {
    provider: 'casso',
    providerAccountId: account.id,
    // Casso's `id` is also its webhook's data.id, so a pulled transfer and its webhook are one report id.
    providerTransactionId: txId,
    amount,
    content: text(record.description),
    // `tid` is the bank's reference; Casso warns it can repeat and is missing for some banks [D C1, C5].
    bankReference: optional(record.tid),
    accountNumber: optional(record.bankSubAccId) ?? account.config.accountNumber ?? null,
    virtualAccount: optional(record.virtualAccount),
    providerReference: null,
    counterAccount: counterAccount(record.corresponsiveBankId, record.corresponsiveAccount, record.corresponsiveName),
    occurredAt: occurredAt(bookedAt(record.when), now),
    raw: JSON.stringify(record),
  };
}

/**
 * One page of the account's transactions, oldest first. Without a cursor the window starts on the day
 * of `since`; once the last page is read, the next run starts a day before today (the overlap that
 * catches transfers a bank books late; anything seen twice is the same report).
 */
export async function page(account: ProviderAccount, request: PullRequest, ctx: ProviderContext): Promise<PullPage> {
  const now = ctx.now();
  const at = readCursor(cursorSchema, request.cursor) ?? { fromDate: formatVnDate(request.since), page: 1 };
  const query = new URLSearchParams({
    fromDate: at.fromDate,
    toDate: formatVnDate(now),
    page: String(at.page),
    pageSize: String(PAGE_SIZE),
    sort: 'ASC',
  });
  const base = (account.baseUrl ?? defaultBaseUrl(account.mode) ?? '').replace(/\/v2\/?$/, '');
  const answer = await callProvider(
    ctx,
    {
      provider: 'casso',
      op: 'list-transactions',
      method: 'GET',
      url: `${joinUrl(base, '/v2/transactions')}?${query}`,
      headers: { authorization: `Apikey ${accountField(account, 'apiKey')}` },
    },
    readError,
  );
  const { data } = readAnswer('casso', listAnswer, answer);
  const entries = data.records.flatMap((record) => {
    // One API key lists every account linked to it; only this account's own transfers are its reports.
    if (!ofAccount(record.bankSubAccId, account)) return [];
    const tx = toTransaction(record, account, now);
    if (!tx) log('warn', 'casso pull: a record without a usable id or amount is skipped', { accountId: account.id });
    return tx ? [tx] : [];
  });
  const next = data.nextPage ?? null;
  const done = next === null || data.records.length === 0;
  const cursor: Cursor = done
    ? { fromDate: formatVnDate(new Date(now.getTime() - DAY_MS)), page: 1 }
    : { fromDate: at.fromDate, page: next };
  return { transactions: toBatch(entries).transactions, records: data.records.length, cursor: JSON.stringify(cursor), done };
}

export const pull: ListingPull = {
  needs: ['apiKey'],
  // "Listing every 2–5 min, ≤ 1 req/s overall" (PROVIDERS.md, what a reconciliation job should call).
  intervalMs: 5 * 60_000,
  spacingMs: 1_000,
  page,
};
