import { z } from 'zod';
import { toBase64, utf8 } from '../../crypto/encoding';
import { callProvider, type ErrorReader, joinUrl, readAnswer } from '../outbound';
import type { ProviderContext } from '../types';
import type { IssuedToken } from './token-cache';

export interface VietqrClient {
  baseUrl: string;
  username: string;
  password: string;
}

// VietQR errors: {"status":"FAILED","message":"E46…"} (token, generate) or {"error":true,"errorReason","toastMessage"}.
const readError: ErrorReader = (_status, body) => {
  const answer = (body ?? {}) as { status?: unknown; message?: unknown; error?: unknown; errorReason?: unknown; toastMessage?: unknown };
  if (answer.status === 'FAILED') {
    const message = typeof answer.message === 'string' ? answer.message : 'FAILED';
    return { code: /^E\d+/.exec(message)?.[0] ?? 'FAILED', message };
  }
  if (answer.error === true) {
    const code = typeof answer.errorReason === 'string' ? answer.errorReason : 'ERROR';
    return { code, message: typeof answer.toastMessage === 'string' && answer.toastMessage ? answer.toastMessage : code };
  }
  return null;
};

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive().default(300) });

/** POST /api/token_generate with Basic auth (the credentials VietQR issued to the merchant). */
export async function issueToken(ctx: ProviderContext, client: VietqrClient): Promise<IssuedToken> {
  const answer = await callProvider(
    ctx,
    {
      provider: 'vietqr',
      op: 'token',
      url: joinUrl(client.baseUrl, '/api/token_generate'),
      headers: { authorization: `Basic ${toBase64(utf8(`${client.username}:${client.password}`))}`, 'content-type': 'application/json' },
      body: '{}',
    },
    readError,
  );
  const { access_token, expires_in } = readAnswer('vietqr', tokenAnswer, answer);
  return { token: access_token, expiresInSeconds: expires_in };
}

/** POST /api/qr/generate-customer with the bearer token. */
export function generateCustomerQr(
  ctx: ProviderContext,
  client: VietqrClient,
  token: string,
  body: Record<string, unknown>,
): Promise<unknown> {
  return callProvider(
    ctx,
    {
      provider: 'vietqr',
      op: 'generate-customer',
      url: joinUrl(client.baseUrl, '/api/qr/generate-customer'),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    },
    readError,
  );
}
