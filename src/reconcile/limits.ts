// The bounds of reconciliation (CONTRACT §9) and the few timings the provider docs leave to us.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** One run of one account reads at most this many transactions (listing providers)… */
export const MAX_TRANSACTIONS_PER_RUN = 500;
/** …or checks at most this many orders (status providers); the rest waits for the next run. */
export const MAX_ORDER_CHECKS_PER_RUN = 100;
/** Largest page a listing provider is asked for. */
export const MAX_PAGE = 100;

/** A first pull (no stored cursor) starts this long ago. */
export const FIRST_WINDOW_MS = 24 * HOUR_MS;
/** Status checks also cover orders that expired this recently. */
export const RECENTLY_EXPIRED_MS = 24 * HOUR_MS;

/** A Retry-After up to this long is waited out inside the run; a longer one ends the run until then. */
export const MAX_INLINE_WAIT_MS = 10_000;
/** Requests one page (or one order check) may take when the provider keeps asking us to slow down. */
export const MAX_ATTEMPTS = 3;
/** Back-off when a provider limits us without saying for how long. */
export const DEFAULT_BACKOFF_MS = 5_000;

/** A status run stops after this many failed order checks (one bad answer does not hide the rest). */
export const MAX_CHECK_ERRORS = 3;

/** Accounts one cron run hands out (each is a Durable Object call): the rest are next in line. */
export const ACCOUNTS_PER_CRON = 200;
/** Handed-out calls in flight at once. */
export const DISPATCH_CONCURRENCY = 10;
/** Cron invocations drift by seconds: an account due a little after this run is taken now. */
export const SCHEDULE_SLACK_MS = 30_000;
/** An account that lacks its pull credential is looked at again this much later (a PATCH may add it). */
export const MISSING_CREDENTIAL_RECHECK_MS = HOUR_MS;

/** Finished runs are kept this long. */
export const RUN_RETENTION_MS = 14 * 24 * HOUR_MS;
/** Overdue orders handed to the ledger per cron run. */
export const SWEEP_BATCH = 100;
/** A run error as stored and shown: the provider's code and message, never more. */
export const MAX_ERROR_LENGTH = 500;
