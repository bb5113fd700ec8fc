import { getOrder, type OrderRow } from '../db/orders';
import type { Logger } from '../lib/log';
import { liveProviderContext } from '../providers/outbound';
import { getProvider } from '../providers/registry';
import { loadAccount } from '../providers/stored-account';
import { checkOrder } from './check-order';

const OPEN = new Set(['pending', 'partially_paid']);

/**
 * `GET /v1/orders/{id}?refresh=true`: the one-order form of a status run. Asks the order's provider
 * (a status provider) what it received for the order and submits it to the ledger, exactly as a
 * reconciliation run would. Orders that are no longer open, and providers that cannot be asked per
 * order, are answered from what we have. A provider that cannot answer is a 502 naming its error; the
 * order is unchanged.
 */
export async function refreshOrder(env: Env, row: OrderRow, origin: string, logger: Logger): Promise<OrderRow> {
  if (!OPEN.has(row.status)) return row;
  const account = await loadAccount(env, row.provider_account_id, { merchantId: row.merchant_id, includeDeleted: true });
  const status = account ? getProvider(account.provider)?.status : undefined;
  if (!account || !status) return row;
  const { found, outcomes } = await checkOrder(env, account, status, row, liveProviderContext(env), origin);
  if (found.length === 0) return row;
  logger.info('order reconciled with its provider', {
    orderId: row.id,
    provider: account.provider,
    found: found.length,
    recorded: outcomes.filter((outcome) => !outcome.known).map((outcome) => outcome.paymentId),
  });
  // The ledger projects to D1 before submitReports returns; a failed projection lags here until it is repaired.
  return (await getOrder(env, row.merchant_id, row.id)) ?? row;
}
