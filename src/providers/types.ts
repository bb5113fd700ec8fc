import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../env';
import type { ReportedTransaction, ReportVia } from '../ledger/transaction';
import type { SandboxCallback, SandboxTransaction } from './inbound/types';

// The names live in the registry, the one place besides their folders that names providers.
export type { ProviderName } from './registry';

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

/** Everything the rest of the app may know about a provider; one per folder, listed in registry.ts. */
export interface ProviderModule<Input = unknown> {
  name: ProviderName;
  createsQr: boolean;
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
  /**
   * The incoming transactions the provider holds for an order (for when a callback is late or lost), each
   * with the same providerTransactionId its callback carries, so that settling both is one payment.
   * Absent: the provider offers no lookup.
   */
  reconcile?(account: ProviderAccount, request: ReconcileRequest, ctx: ProviderContext): Promise<Transaction[]>;
  /** The provider's callbacks (CONTRACT §6). Absent: the provider calls us for nothing. */
  hook?: ProviderHook;
  /** Merchant API routes of the provider's own (account linking flows), mounted through the registry. */
  routes?(deps: ProviderRouteDeps): OpenAPIHono<AppEnv>;
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
