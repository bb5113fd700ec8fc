import { z } from '@hono/zod-openapi';

export const METADATA_MAX_BYTES = 4096;

const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength;

/** `POST /v1/orders` (CONTRACT §4). */
export const createOrderBody = z
  .strictObject({
    amount: z.number().int().min(1).max(500_000_000).openapi({ description: 'VND, integer', example: 50_000 }),
    reference: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'Expected 1–64 characters of A-Z a-z 0-9 . _ : -')
      .openapi({ description: 'Your order number; unique per merchant', example: 'INV-1001' }),
    providerAccountId: z.string().min(1).max(64).optional().openapi({
      description: 'Optional when the merchant has exactly one account that creates QR codes',
    }),
    description: z.string().trim().min(1).max(255).optional().openapi({ description: 'Shown to the payer' }),
    expiresInSeconds: z.number().int().min(60).max(604_800).default(900),
    returnUrl: z
      .url({ protocol: /^https?$/, error: 'Expected an absolute http(s) URL' })
      .max(2048)
      .optional(),
    metadata: z
      .record(z.string(), z.unknown())
      .refine((value) => jsonBytes(value) <= METADATA_MAX_BYTES, `At most ${METADATA_MAX_BYTES} bytes of JSON`)
      .optional()
      .openapi({ description: 'Any JSON object, at most 4 KiB' }),
  })
  .openapi('CreateOrder');

export type CreateOrderInput = z.infer<typeof createOrderBody>;
