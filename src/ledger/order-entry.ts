import { type OrderRow, orderToJson } from '../db/orders';
import type { OrderEntry } from './records';

/** An order as D1 has it, as the ledger registers it (`origin`: where the order's URLs live). */
export function orderEntry(row: OrderRow, origin: string): OrderEntry {
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
    json: orderToJson(row, origin),
  };
}
