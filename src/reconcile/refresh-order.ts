import { getOrder, type OrderRow } from '../db/orders';
import type { Env } from '../env';
import { submitReports } from '../ledger/submit';
import type { Logger } from '../lib/log';
import { liveProviderContext } from '../providers/outbound';
import { getProvider } from '../providers/registry';
import { reportSource } from '../providers/report-source';
import { loadAccount } from '../providers/stored-account';

const OPEN = new Set(['pending', 'partially_paid']);

/**
 * `GET /v1/orders/{id}?refresh=true`: asks the order's provider what it received for the order and
 * settles anything new through the order's Durable Object, exactly as a callback would, under the
 * provider's own transaction id (a later callback for the same transfer is then a duplicate). Orders that
 * are no longer open, and providers without a lookup, are answered from what we have. A provider that
 * cannot answer is a 502 naming its error; the order is unchanged.
 */
export async function refreshOrder(env: Env, row: OrderRow, origin: string, logger: Logger): Promise<OrderRow> {
  if (!OPEN.has(row.status)) return row;
  const account = await loadAccount(env, row.provider_account_id, { merchantId: row.merchant_id, includeDeleted: true });
  const provider = account ? getProvider(account.provider) : null;
  if (!account || !provider?.reconcile) return row;

  const found = await provider.reconcile(
    account,
    {
      orderId: row.id,
      amount: row.amount,
      providerReference: row.provider_reference,
      providerData: JSON.parse(row.provider_data) as Record<string, unknown>,
    },
    liveProviderContext(env),
  );
  if (found.length === 0) return row;
  const settled = await submitReports(env, reportSource(account), found, {
    origin,
    force: { orderId: row.id, matchedBy: 'reference' },
    via: 'reconciliation',
    projected: true,
  });
  logger.info('order reconciled with its provider', {
    orderId: row.id,
    provider: account.provider,
    found: found.length,
    recorded: settled.filter((result) => !result.known).map((result) => result.paymentId),
  });
  // The order DO projects to D1 before settle returns; a failed projection lags here until its alarm repairs it.
  return (await getOrder(env, row.merchant_id, row.id)) ?? row;
}
