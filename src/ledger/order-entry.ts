import type { OrderRow } from '../db/orders';
import { orderToJson } from '../orders/serialize';
import type { OrderEntry } from './records';

/** An order as D1 has it, as the ledger registers it (`origin`: where the order's URLs live). */
export function orderEntry(row: OrderRow, origin: string): OrderEntry {
  const json = orderToJson(row, origin);
  return {
    id: row.id,
    merchantId: row.merchant_id,
    ledger: row.ledger,
    paymentCode: row.payment_code,
    providerAccountId: row.provider_account_id,
    providerReference: row.provider_reference,
    virtualAccount: row.virtual_account,
    status: row.status,
    amount: row.amount,
    amountPaid: row.amount_paid,
    paidAt: row.paid_at,
    expiresAt: row.expires_at,
    version: row.version,
    json: json as unknown as OrderEntry['json'],
  };
}
