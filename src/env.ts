import type { LedgerDO } from './ledger/ledger-do';
import type { MerchantDO } from './ledger/merchant-do';
import type { RateLimitEnv } from './lib/rate-limit';

/** Worker bindings and configuration (wrangler.toml, .dev.vars). */
export interface Env extends RateLimitEnv {
  DB: D1Database;
  LEDGER: DurableObjectNamespace<LedgerDO>;
  MERCHANT: DurableObjectNamespace<MerchantDO>;
  /** Seconds after `expiresAt` a transfer still counts (default 120). */
  EXPIRY_GRACE_SECONDS?: string;
  ADMIN_TOKEN: string;
  /** base64 of 32 bytes: AES-256-GCM key for secrets at rest. */
  SECRETS_KEY: string;
  PUBLIC_BASE_URL?: string;
  ALLOW_PRIVATE_ENDPOINTS?: string;
}

export interface Merchant {
  id: string;
  name: string;
  mode: 'test' | 'live';
  createdAt: string;
}

/** Hono context variables set by middleware. */
export interface AppVariables {
  requestId: string;
  merchant: Merchant;
}

export type AppEnv = { Bindings: Env; Variables: AppVariables };
