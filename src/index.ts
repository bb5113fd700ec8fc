import { app } from './app';
import { onSchedule } from './reconcile/scheduled';

export { LedgerDO } from './ledger/ledger-do';
export { MerchantDO } from './ledger/merchant-do';
export { ReconcileDO } from './reconcile/reconcile-do';

export default {
  fetch: app.fetch,
  // The Cron Trigger of wrangler.toml: reconciliation and the expiry sweep (src/reconcile/scheduled.ts).
  scheduled: (controller, env, _ctx) => onSchedule(controller, env),
} satisfies ExportedHandler<Env>;
