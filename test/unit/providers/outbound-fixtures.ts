// Test doubles for the outbound provider adapters: a recording fetch, accounts, orders, and
// independent re-implementations of the payloads and signatures the providers expect.
import type { ProviderAccount, ProviderContext, ProviderName, QrOrderRequest } from '../../../src/providers/types';

export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  json: Record<string, unknown> | null;
}

type Reply = Response | Promise<Response>;

/** A fetch that records each request and answers with `reply(request, index)`. */
export function recordingFetch(reply: (request: SentRequest, index: number) => Reply) {
  const sent: SentRequest[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const body = request.method === 'GET' ? '' : await request.text();
    let json: Record<string, unknown> | null = null;
    try {
      json = JSON.parse(body);
    } catch {}
    const entry = { url: request.url, method: request.method, headers: Object.fromEntries(request.headers), body, json };
    sent.push(entry);
    return reply(entry, sent.length - 1);
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

export const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const NOW = new Date('2026-11-21T10:00:00.000Z');

export function context(fetch: typeof globalThis.fetch, now: () => Date = () => NOW): ProviderContext {
  return { fetch, now };
}

let accountCounter = 0;

/** A provider account; secrets in `credentials`, the rest in `config`, as account modules store them. */
export function account(
  provider: ProviderName,
  config: Record<string, string>,
  credentials: Record<string, string>,
  overrides: Partial<ProviderAccount> = {},
): ProviderAccount {
  accountCounter += 1;
  return {
    id: `pa_test${provider}${accountCounter}`,
    merchantId: 'mer_test',
    provider,
    label: null,
    createsQr: true,
    baseUrl: 'https://provider.test',
    mode: 'test',
    config,
    credentials,
    createdAt: NOW.toISOString(),
    ...overrides,
  };
}

export function orderRequest(overrides: Partial<QrOrderRequest> = {}): QrOrderRequest {
  return {
    orderId: 'ord_test1',
    amount: 123_000,
    paymentCode: 'QR7K3M9XT',
    description: null,
    expiresAt: new Date(NOW.getTime() + 900_000),
    returnUrl: 'https://shop.example/thanks',
    checkoutUrl: 'https://router.test/pay/ord_test1',
    ...overrides,
  };
}

// ---- VietQR (EMVCo) payloads, encoded here independently of src/qr

const tlv = (tag: string, value: string) => `${tag}${String(value.length).padStart(2, '0')}${value}`;

function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

export function vietQr({
  bin,
  accountNumber,
  amount,
  content,
}: {
  bin: string;
  accountNumber: string;
  amount?: number;
  content?: string;
}): string {
  const beneficiary = tlv('00', bin) + tlv('01', accountNumber);
  const merchant = tlv('00', 'A000000727') + tlv('01', beneficiary) + tlv('02', 'QRIBFTTA');
  let payload = tlv('00', '01') + tlv('01', amount ? '12' : '11') + tlv('38', merchant) + tlv('53', '704');
  if (amount) payload += tlv('54', String(amount));
  payload += tlv('58', 'VN');
  if (content) payload += tlv('62', tlv('08', content));
  payload += '6304';
  return payload + crc16(payload);
}

// ---- signatures, computed with Web Crypto directly (not through src/crypto)

export async function hmacHex(hash: 'SHA-256' | 'SHA-512', key: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message)));
  return Array.from(signature, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Runs `promise` and returns what it threw (fails the test when it resolves). */
export async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}
