import { z } from '@hono/zod-openapi';
import type { PaymentRow } from '../db/payments';
import type { PaymentJson } from '../ledger/records';
import { isoTime, orNull } from '../lib/openapi';

export const paymentSchema = z
  .object({
    id: z.string().openapi({ example: 'pay_…' }),
    object: z.literal('payment'),
    orderId: z.string().nullable(),
    providerAccountId: z.string(),
    provider: z.string(),
    providerTransactionId: z.string(),
    bankReference: z.string().nullable(),
    amount: z.number().int(),
    content: z.string(),
    accountNumber: z.string().nullable(),
    counterAccount: orNull(
      z
        .object({ bankBin: z.string().nullable(), accountNumber: z.string().nullable(), name: z.string().nullable() })
        .openapi('CounterAccount', { description: 'The account the money came from, where the provider names it' }),
    ),
    occurredAt: isoTime('When the bank booked the transfer (as the provider reports it)'),
    receivedAt: isoTime('When the first report of it reached us'),
    matchedBy: z.enum(['reference', 'virtual_account', 'payment_code', 'sandbox', 'manual']).nullable(),
    reports: z
      .array(
        z.object({
          providerAccountId: z.string(),
          provider: z.string(),
          providerTransactionId: z.string(),
          via: z.enum(['callback', 'reconciliation', 'sandbox']),
          receivedAt: isoTime(),
        }),
      )
      .openapi({ description: 'Every distinct report of this transfer, first one first' }),
  })
  .openapi('Payment');

export function paymentFromRow(row: PaymentRow): PaymentJson {
  return {
    id: row.id,
    object: 'payment',
    orderId: row.order_id,
    providerAccountId: row.provider_account_id,
    provider: row.provider as PaymentJson['provider'],
    providerTransactionId: row.provider_transaction_id,
    bankReference: row.bank_reference,
    amount: row.amount,
    content: row.content,
    accountNumber: row.account_number,
    counterAccount: row.counter_account ? JSON.parse(row.counter_account) : null,
    occurredAt: row.occurred_at,
    receivedAt: row.received_at,
    matchedBy: row.matched_by as PaymentJson['matchedBy'],
    reports: JSON.parse(row.reports),
  };
}
