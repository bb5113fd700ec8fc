import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { ReportedTransaction } from '../ledger/transaction';
import type { AppEnv } from '../lib/app-env';
import type { OperationInfo } from '../lib/openapi';
import type { SandboxCallback, SandboxTransaction } from './inbound/types';

// The names live in the registry, the one place besides their folders that names providers.
export type { ProviderName } from './registry';

import type { ReportVia } from '../schemas/payment';
import type { ProviderName } from './registry';

/** A stored provider account, credentials decrypted. Only its provider's folder reads `config`/`credentials`. */
export interface ProviderAccount {
  id: string;
  merchantId: string;
  provider: ProviderName;
  label: string | null;
  createsQr: boolean;
  baseUrl: string | null;
  mode: 'test' | 'live';
  /** Non-secret fields (bank, account number, account name, …), as the provider module stored them. */
  config: Record<string, string>;
  /** Secret fields (keys, tokens, passwords), decrypted. Never returned or logged. */
  credentials: Record<string, string>;
  createdAt: string;
}

/** A receiving bank account as a provider account names it (CONTRACT §3 `bank`). */
export interface ReceivingAccount {
  bin: string;
  shortName: string;
  accountNumber: string;
  accountName: string | null;
}

/** What an order asks a provider (or the local encoder) for. */
export interface QrOrderRequest {
  orderId: string;
  amount: number;
  /** `QR` + 7 chars; always inside the transfer content. */
  paymentCode: string;
  description: string | null;
  expiresAt: Date;
  returnUrl: string | null;
  checkoutUrl: string;
}

/** The QR an order shows, and what settlement later matches on. */
export interface ProviderQr {
  payload: string;
  bank: { bin: string; accountNumber: string; accountName: string };
  /** What the payer must keep in the transfer description (contains the payment code). */
  transferContent: string;
  /** The provider's own reference for this order (its order code, bill id or reference number), echoed in its callback. */
  providerReference: string | null;
  virtualAccount: string | null;
  /** The account the money lands in when the QR names a virtual account of it (its ledger); default `bank.accountNumber`. */
  ledgerAccountNumber?: string | null;
  /** Anything else worth keeping (the provider's payment link id, checkout URL…). */
  providerData: Record<string, unknown>;
}

/** Outbound calls get their clock and fetch injected, so tests control both. */
export interface ProviderContext {
  fetch: typeof fetch;
  now: () => Date;
  /**
   * `ALLOW_PRIVATE_ENDPOINTS=true`: provider URLs may be http, loopback or private (development, fakes).
   * Left out, the strict policy applies (https to a public host).
   */
  allowPrivateUrls?: boolean;
}

/** One verified, normalized bank transaction from any provider (the ledger's report, with our provider names). */
export interface Transaction extends ReportedTransaction {
  provider: ProviderName;
}

export type { ReportVia };

/** What reconciliation asks a provider about: one order, as the provider knows it. */
export interface ReconcileRequest {
  orderId: string;
  amount: number;
  /** The provider's own reference for the order (from createQr). */
  providerReference: string | null;
  providerData: Record<string, unknown>;
}

/** What a listing pull is asked for: one page after the stored cursor (CONTRACT §9). */
export interface PullRequest {
  /** The provider's own cursor as its last committed page left it; null: start at `since`. */
  cursor: string | null;
  /** Where to start without a cursor: the run's `since`, or 24 h before the run. */
  since: Date;
  /** Most records this page may hold (the run's remaining budget, at most 100). */
  limit: number;
}

/** One page of a listing pull. The run stores `cursor` only after `transactions` are committed. */
export interface PullPage {
  /** Incoming money of this page, as reports (money out never becomes one). */
  transactions: Transaction[];
  /** Records the page held, incoming or not: what the run's budget counts. */
  records: number;
  /** Where the next page starts. */
  cursor: string;
  /** True when the provider has nothing more after this page, for now. */
  done: boolean;
}

/** A provider that lists an account's transactions (Casso, SePay, BankHub, Tingee). */
export interface ListingPull {
  /** Account fields the pull needs that an account may lack (Casso `apiKey`, SePay `apiToken`). */
  needs: readonly string[];
  /** How often the schedule pulls one account (PROVIDERS.md "Pull APIs", recommended intervals). */
  intervalMs: number;
  /** Least time between two requests of one run: the provider's rate limit. */
  spacingMs: number;
  page(account: ProviderAccount, request: PullRequest, ctx: ProviderContext): Promise<PullPage>;
}

/** A provider that answers per order (payOS, VietQR.vn): what it received for one order. */
export interface StatusCheck {
  /** How often the schedule looks at one account's orders; each order has its own check points. */
  intervalMs: number;
  spacingMs: number;
  /** Check points after an order's creation (ms), then one every `everyMs` until a day after its expiry. */
  firstChecksMs: readonly number[];
  everyMs: number;
  /** Orders older than this are never asked about (VietQR.vn forgets them after 15 days). */
  maxAgeMs: number | null;
  /**
   * The incoming transfers the provider holds for the order, verified (a status whose signature does not
   * verify throws), each under the id its callback carries where the provider says it.
   */
  check(account: ProviderAccount, order: ReconcileRequest, ctx: ProviderContext): Promise<Transaction[]>;
}

/** What the dashboard shows of a provider, in both languages. */
export interface ProviderGuide {
  /** The provider as merchants know it. */
  title: string;
  /** One line on what the account does. */
  summary: { vi: string; en: string };
  /** Steps to register our URLs at the provider (empty when nothing calls us). */
  steps: { vi: string[]; en: string[] };
}

/** Everything the rest of the app may know about a provider; one per folder, listed in registry.ts. */
export interface ProviderModule<Input = unknown> {
  name: ProviderName;
  guide: ProviderGuide;
  createsQr: boolean;
  /**
   * Whether the order's QR is a plain transfer to an account that takes any amount with our transfer content,
   * so that a QR for the amount still due (same account, same content) settles the order like the first
   * (`?remaining=true`). False where the QR pays the provider's own payment object (its order, a one-off
   * virtual account) that accepts only its own amount.
   */
  qrAcceptsAnyAmount: boolean;
  /** zod schema of the provider-specific fields of `POST /v1/provider-accounts` (without provider/label/baseUrl). */
  accountSchema: z.ZodType<Input>;
  /**
   * Splits validated input into stored public config and secret credentials; `generated` holds credentials
   * made here that the merchant must be shown once (a callback password the merchant left out).
   */
  split(input: Input): { config: Record<string, string>; credentials: Record<string, string>; generated?: Record<string, string> };
  /** zod schema of what `PATCH /v1/provider-accounts/{id}` may change (the provider's credentials), all optional, strict. */
  patchSchema: z.ZodType<Record<string, string | undefined>>;
  /** Applies a validated PATCH: the new stored config and credentials. */
  patch(
    account: ProviderAccount,
    input: Record<string, string | undefined>,
  ): { config: Record<string, string>; credentials: Record<string, string> };
  /** Default API base URL by merchant mode (null for providers we never call). */
  defaultBaseUrl(mode: 'test' | 'live'): string | null;
  /** The receiving bank account the provider account names (non-secret), or null where it names none. */
  receivingAccount(account: ProviderAccount): ReceivingAccount | null;
  /** Absolute URLs to register at the provider, keyed as CONTRACT §3 says. */
  webhookUrls(origin: string, account: ProviderAccount): Record<string, string>;
  /** Creates the order's QR (locally or via the provider's API). Absent: the account cannot create QR codes. */
  createQr?(account: ProviderAccount, request: QrOrderRequest, ctx: ProviderContext): Promise<ProviderQr>;
  /** Reconciliation by listing the account's transactions (CONTRACT §9). */
  pull?: ListingPull;
  /** Reconciliation by asking about each open order (CONTRACT §9). */
  status?: StatusCheck;
  /** The provider's callbacks (CONTRACT §6). Absent: the provider calls us for nothing. */
  hook?: ProviderHook;
  /** Merchant API routes of the provider's own (account linking flows), mounted through the registry. */
  routes?(deps: ProviderRouteDeps): OpenAPIHono<AppEnv>;
  /** What the OpenAPI document says of those routes' operations (as api/operations.ts does of the others'). */
  operations?: Record<string, OperationInfo>;
}

/** A provider's callback routes (`/hooks/<provider>/<paId>/…`) and the sandbox's builder of an authentic callback. */
export interface ProviderHook {
  routes: OpenAPIHono<AppEnv>;
  /** An authentic callback of this provider for `tx`, signed with the account's stored credentials (CONTRACT §8). */
  buildCallback(account: ProviderAccount, tx: SandboxTransaction, now: Date): Promise<SandboxCallback>;
}

/** What a provider's own routes may ask of the services above the providers (injected by the app: no upward import). */
export interface ProviderRouteDeps {
  /** Creates a provider account from an account body, as `POST /v1/provider-accounts` does, and answers with it (201). */
  createAccount(c: Context<AppEnv>, body: unknown): Promise<Response>;
}
