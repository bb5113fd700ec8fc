/*
 * The Hono app's types. The bindings and secrets (`Env`) are generated from wrangler.toml and
 * .dev.vars.example by `npm run types` (worker-configuration.d.ts, checked in CI to be current); this file
 * imports nothing from src, so that no folder depends on another through it.
 */

declare global {
  /**
   * Optional settings (README "Configuration"): unset unless a deployment sets them, so neither wrangler.toml
   * nor .dev.vars.example declares them and `wrangler types` cannot see them.
   */
  interface OptionalSettings {
    /** Origin of every URL handed out; the request's own origin when unset. */
    PUBLIC_BASE_URL?: string;
    /** Seconds after `expiresAt` a transfer still counts (default 120). */
    EXPIRY_GRACE_SECONDS?: string;
    /** `off`: no API or public abuse limits (load tests). */
    RATE_LIMITS?: string;
    /** The cron expression whose events run reconciliation (default: every scheduled event). */
    RECONCILE_CRON?: string;
  }
  interface Env extends OptionalSettings {}
  namespace Cloudflare {
    interface Env extends OptionalSettings {}
  }
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
