import { z } from '@hono/zod-openapi';
import { isoTime, orNull } from './openapi-shapes';

/** How a payment found its order (CONTRACT §6), or `sandbox` / `manual` (assign). */
export const matchedBy = z.enum(['reference', 'virtual_account', 'payment_code', 'sandbox', 'manual']);
export type MatchedBy = z.infer<typeof matchedBy>;

/** How a report reached us. */
export const reportVia = z.enum(['callback', 'reconciliation', 'sandbox']);
export type ReportVia = z.infer<typeof reportVia>;

export const counterAccountSchema = z
  .object({ bankBin: z.string().nullable(), accountNumber: z.string().nullable(), name: z.string().nullable() })
  .openapi('CounterAccount', { description: 'The account the money came from, where the provider names it' });
export type CounterAccount = z.infer<typeof counterAccountSchema>;

/** One feed's report of a transfer (CONTRACT §4 `reports`). */
export const paymentReportSchema = z.object({
  providerAccountId: z.string(),
  provider: z.string(),
  providerTransactionId: z.string(),
  via: reportVia,
  receivedAt: isoTime(),
});
export type PaymentReport = z.infer<typeof paymentReportSchema>;

/** The public Payment object (CONTRACT §4). */
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
    counterAccount: orNull(counterAccountSchema),
    occurredAt: isoTime('When the bank booked the transfer (as the provider reports it)'),
    receivedAt: isoTime('When the first report of it reached us'),
    matchedBy: matchedBy.nullable(),
    reports: z.array(paymentReportSchema).openapi({ description: 'Every distinct report of this transfer, first one first' }),
  })
  .openapi('Payment');

export type Payment = z.infer<typeof paymentSchema>;
