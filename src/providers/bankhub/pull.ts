import { z } from 'zod';
import { log } from '../../lib/log';
import { accountField } from '../account-field';
import { toBatch } from '../inbound/incoming';
import { isRecord } from '../inbound/json';
import { counterAccount, optional, text, transactionId, vnd } from '../inbound/values';
import { formatVnDate, occurredAt, parseZonedIso } from '../inbound/vn-time';
import { readAnswer } from '../outbound';
import { readCursor } from '../pull-cursor';
import type { ListingPull, ProviderAccount, ProviderContext, PullPage, PullRequest, Transaction } from '../types';
import { bankhubCall } from './client';
import { bankhubClient } from './create-qr';

// PROVIDERS.md "Pull: 6. BankHub": GET /transactions, one call per grant, with a date window and a
// per-account `fromReference` cursor. Only a third-party client documents the parameters and the
// answer [3P B6, B7]; everything that guesses is here: the record's id (`id` as in the webhook, else
// `privateId` as in Casso's model [?]), `accounts` as URL-encoded JSON, amounts signed (positive = in [?]).
// There is no paging: a bounded run takes the oldest part of the answer and resumes from its references.
const DAY_MS = 86_400_000;

const answerSchema = z.object({
  transactions: z.array(z.record(z.string(), z.unknown())),
  accounts: z.array(z.object({ accountNumber: z.union([z.string(), z.number()]) }).loose()).nullish(),
});

/** The window's first date, and per receiving account the reference of the last transfer committed ("" = none yet). */
const cursorSchema = z.object({ fromDate: z.string().regex(/^\d{4}-\d\d-\d\d$/), refs: z.record(z.string(), z.string()) });
type Cursor = z.infer<typeof cursorSchema>;

const accountOf = (record: Record<string, unknown>) => optional(record.accountNumber);

function toTransaction(record: Record<string, unknown>, account: ProviderAccount, now: Date): Transaction | null {
  const reference = optional(record.reference);
  const txId = transactionId(record.id) ?? transactionId(record.privateId) ?? reference;
  const amount = vnd(record.amount);
  if (txId === null || amount === null) return null;
  const meta = isRecord(record.paymentMeta) ? record.paymentMeta : {};
  return {
    provider: 'bankhub',
    providerAccountId: account.id,
    providerTransactionId: txId,
    amount,
    content: text(record.description),
    bankReference: reference,
    accountNumber: accountOf(record),
    virtualAccount: optional(record.virtualAccountNumber),
    providerReference: optional(meta.referenceNumber),
    counterAccount: counterAccount(record.counterAccountBankId, record.counterAccountNumber, record.counterAccountName),
    occurredAt: occurredAt(parseZonedIso(record.transactionDateTime), now),
    raw: JSON.stringify(record),
  };
}

const timeOf = (record: Record<string, unknown>) => parseZonedIso(record.transactionDateTime)?.getTime() ?? 0;

export async function page(account: ProviderAccount, request: PullRequest, ctx: ProviderContext): Promise<PullPage> {
  const now = ctx.now();
  const at = readCursor(cursorSchema, request.cursor) ?? { fromDate: formatVnDate(request.since), refs: {} };
  const query = new URLSearchParams({ fromDate: at.fromDate, toDate: formatVnDate(now) });
  const known = Object.entries(at.refs).map(([accountNumber, fromReference]) => ({ accountNumber, fromReference }));
  if (known.length > 0) query.set('accounts', JSON.stringify(known));
  const answer = await bankhubCall(ctx, bankhubClient(account), {
    op: 'transactions',
    method: 'GET',
    path: `/transactions?${query}`,
    accessToken: accountField(account, 'accessToken'),
  });
  const listed = readAnswer('bankhub', answerSchema, answer);
  // Oldest first (stable), so that a bounded run commits a prefix and its references mark where it stopped.
  const sorted = listed.transactions.map((record, i) => ({ record, i })).sort((a, b) => timeOf(a.record) - timeOf(b.record) || a.i - b.i);
  const taken = sorted.slice(0, Math.max(1, request.limit)).map((entry) => entry.record);
  const done = taken.length === sorted.length;

  const refs: Record<string, string> = { ...at.refs };
  for (const listedAccount of listed.accounts ?? []) refs[String(listedAccount.accountNumber)] ??= '';
  const entries: Transaction[] = [];
  for (const record of taken) {
    const tx = toTransaction(record, account, now);
    if (!tx) log('warn', 'bankhub pull: a transaction without a usable id or amount is skipped', { accountId: account.id });
    else entries.push(tx);
    const number = accountOf(record);
    const reference = optional(record.reference);
    if (number && reference) refs[number] = reference;
  }
  const cursor: Cursor = { fromDate: done ? formatVnDate(new Date(now.getTime() - DAY_MS)) : at.fromDate, refs };
  return { transactions: toBatch(entries).transactions, records: taken.length, cursor: JSON.stringify(cursor), done };
}

export const pull: ListingPull = {
  needs: [],
  // "Every 5–15 min per grant": Cas already retries its webhooks 17 times over 24 h.
  intervalMs: 10 * 60_000,
  spacingMs: 1_000,
  page,
};
