import { z } from '@hono/zod-openapi';

export const orderStatus = z.enum(['pending', 'partially_paid', 'paid', 'expired', 'canceled']);

export type OrderStatus = z.infer<typeof orderStatus>;

/** The public Order object (CONTRACT §4). */
export const orderSchema = z
  .object({
    id: z.string(),
    object: z.literal('order'),
    status: orderStatus,
    amount: z.number().int(),
    amountPaid: z.number().int(),
    currency: z.literal('VND'),
    reference: z.string(),
    description: z.string().nullable(),
    paymentCode: z.string(),
    providerAccountId: z.string(),
    provider: z.string(),
    qr: z.object({ payload: z.string(), svgUrl: z.string() }),
    bank: z.object({ bin: z.string(), shortName: z.string(), name: z.string(), accountNumber: z.string(), accountName: z.string() }),
    transferContent: z.string(),
    checkoutUrl: z.string(),
    returnUrl: z.string().nullable(),
    expiresAt: z.string(),
    createdAt: z.string(),
    paidAt: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
  })
  .openapi('Order');

export type Order = z.infer<typeof orderSchema>;
