import type { OrderRow } from '../db/orders';
import { type ReportOutcome, submitReports } from '../ledger/submit';
import { reportSource } from '../providers/report-source';
import type { ProviderAccount, ProviderContext, StatusCheck, Transaction } from '../providers/types';

export interface OrderCheck {
  found: Transaction[];
  outcomes: ReportOutcome[];
}

/**
 * Asks the order's provider what it received for the order and submits it to the ledger, onto that
 * order (the provider itself tied the transfers to it: `matchedBy: "reference"`). The one-order form of
 * a status run, and all of `GET /v1/orders/{id}?refresh=true`.
 */
export async function checkOrder(
  env: Env,
  account: ProviderAccount,
  status: StatusCheck,
  row: OrderRow,
  ctx: ProviderContext,
  origin: string | undefined,
): Promise<OrderCheck> {
  const found = await status.check(
    account,
    {
      orderId: row.id,
      amount: row.amount,
      providerReference: row.provider_reference,
      providerData: JSON.parse(row.provider_data) as Record<string, unknown>,
    },
    ctx,
  );
  if (found.length === 0) return { found, outcomes: [] };
  const outcomes = await submitReports(env, reportSource(account), found, {
    via: 'reconciliation',
    origin,
    force: { orderId: row.id, matchedBy: 'reference' },
    // A finished run (and a refreshed order) reads back what it recorded.
    projected: true,
  });
  return { found, outcomes };
}
