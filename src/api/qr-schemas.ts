import { z } from '@hono/zod-openapi';
import { ACCOUNT_PATTERN, CONSUMER_DATA_PATTERN, MAX_AMOUNT, MCC_PATTERN, UNRESERVED_ID } from '../qr/vietqr-fields';
import { orNull } from '../schemas/openapi-shapes';

// Request and response bodies of the QR routes (CONTRACT §7). Lengths after diacritic folding are
// the encoder's to check; the bounds here only keep input sane.

const text = (description: string) => z.string().max(100).optional().openapi({ description });

export const bankSchema = z
  .object({ bin: z.string(), shortName: z.string(), name: z.string() })
  .openapi('QrBank', { example: { bin: '970436', shortName: 'VCB', name: 'Vietcombank' } });

const qrFields = {
  initMethod: z.enum(['static', 'dynamic']).optional().openapi({ description: 'Default: dynamic when `amount` is given, else static' }),
  amount: z.number().int().min(1).max(MAX_AMOUNT).optional().openapi({ description: 'VND, tag 54', example: 50000 }),
  content: text('Transfer content (62.08): at most 25 printable ASCII characters once diacritics are folded (đ → d)'),
  billNumber: text('62.01, at most 25 characters'),
  mobileNumber: text('62.02, at most 25 characters'),
  storeLabel: text('62.03, at most 25 characters'),
  loyaltyNumber: text('62.04, at most 25 characters'),
  referenceLabel: text('62.05, at most 25 characters'),
  customerLabel: text('62.06, at most 25 characters'),
  terminalLabel: text('62.07, at most 25 characters'),
  consumerDataRequest: z.string().regex(CONSUMER_DATA_PATTERN).optional().openapi({ description: '62.09: up to 3 of A, M, E' }),
  mcc: z.string().regex(MCC_PATTERN).optional().openapi({ description: 'Merchant category code (52)' }),
  merchantName: text('59, at most 25 characters'),
  merchantCity: text('60, at most 15 characters'),
  postalCode: text('61, at most 10 characters'),
  unreserved: z
    .record(z.string().regex(UNRESERVED_ID), z.string().min(1).max(99))
    .optional()
    .openapi({ description: 'Tags "80".."99"', example: { '80': '046' } }),
};

export const encodeBody = z
  .strictObject({
    bank: z.string().min(1).max(64).openapi({ description: 'BIN like "970436" or short name like "VCB"', example: 'VCB' }),
    accountNumber: z.string().regex(ACCOUNT_PATTERN).openapi({ description: '1–19 letters or digits', example: '1017595600' }),
    service: z.enum(['account', 'card']).openapi({ description: '"account" = QRIBFTTA, "card" = QRIBFTTC' }),
    ...qrFields,
  })
  .openapi('QrEncodeRequest');

export const encodedQr = z.object({ payload: z.string() }).openapi('QrEncoded');

export const decodeBody = z.strictObject({ payload: z.string().min(1).max(1024) }).openapi('QrDecodeRequest');

const decodedText = (description: string) => z.string().optional().openapi({ description });

export const decodedQr = z
  .object({
    valid: z.literal(true),
    initMethod: z.enum(['static', 'dynamic']),
    bin: z.string(),
    bank: orNull(bankSchema).openapi({ description: 'null for a BIN this service does not know' }),
    accountNumber: z.string(),
    service: z.enum(['account', 'card']),
    amount: z.number().int().optional(),
    content: decodedText('62.08'),
    billNumber: decodedText('62.01'),
    mobileNumber: decodedText('62.02'),
    storeLabel: decodedText('62.03'),
    loyaltyNumber: decodedText('62.04'),
    referenceLabel: decodedText('62.05'),
    customerLabel: decodedText('62.06'),
    terminalLabel: decodedText('62.07'),
    consumerDataRequest: decodedText('62.09'),
    mcc: decodedText('52'),
    merchantName: decodedText('59'),
    merchantCity: decodedText('60'),
    postalCode: decodedText('61'),
    unreserved: z.record(z.string(), z.string()).optional(),
    otherTags: z
      .record(z.string(), z.string())
      .optional()
      .openapi({ description: 'Tags a transfer does not use, by path ("64", "62.50")' }),
    crc: z.string(),
    warnings: z.array(z.string()).openapi({ description: 'What the payload does that the spec does not allow but apps accept' }),
  })
  .openapi('QrDecoded');

/** Query of GET /qr.svg and /qr.png; numbers arrive as text. An empty `amount` means none. */
export const quicklinkQuery = z.object({
  bank: z.string().min(1).max(64).openapi({ description: 'BIN or short name', example: 'VCB' }),
  account: z.string().regex(ACCOUNT_PATTERN).openapi({ description: 'Account number', example: '1017595600' }),
  amount: z
    .string()
    .regex(/^\d{0,13}$/)
    .optional()
    .openapi({ description: 'VND; makes the code dynamic', example: '25000' }),
  content: z.string().max(100).optional().openapi({ description: 'Transfer content (≤ 25 characters once folded)' }),
  name: z.string().max(100).optional().openapi({ description: 'Account name, written as merchant name (tag 59, ≤ 25)' }),
  size: z.coerce.number().int().min(64).max(2048).default(320).openapi({ description: 'Width and height in px' }),
  margin: z.coerce.number().int().min(0).max(16).default(4).openapi({ description: 'Quiet zone in modules' }),
});
