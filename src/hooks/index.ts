import { createRouter } from '../lib/router';
import type { SandboxCallback, SandboxTransaction } from '../providers/inbound/types';
import type { ProviderAccount } from '../providers/types';
import bankhub from './bankhub';
import casso from './casso';
import payos from './payos';
import sepay from './sepay';
import tingee from './tingee';
import vietqr from './vietqr';

const providerHooks = [bankhub, casso, payos, sepay, tingee, vietqr];

/** Provider callbacks: `/hooks/<provider>/<paId>/…`, one file per provider. */
const app = createRouter();
for (const hook of providerHooks) app.route('/', hook.routes);

/**
 * An authentic callback of the account's provider, signed with its stored credentials (CONTRACT §8),
 * or null for a provider that sends none (direct).
 */
export function buildSandboxCallback(account: ProviderAccount, tx: SandboxTransaction, now = new Date()): Promise<SandboxCallback> | null {
  const hook = providerHooks.find((h) => h.provider === account.provider);
  return hook ? hook.buildCallback(account, tx, now) : null;
}

export default app;
