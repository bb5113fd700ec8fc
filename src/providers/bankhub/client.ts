import { callProvider, type ErrorReader, joinUrl } from '../outbound';
import type { ProviderContext } from '../types';

export const API_VERSION = '2023-01-01';

export interface BankhubClient {
  baseUrl: string;
  clientId: string;
  secretKey: string;
}

// BankHub errors: HTTP 4xx with {errorCode, errorType, errorMessage, requestId}.
const readError: ErrorReader = (_status, body) => {
  const { errorCode, errorMessage } = (body ?? {}) as { errorCode?: unknown; errorMessage?: unknown };
  if (typeof errorCode !== 'string' || errorCode === '') return null;
  return { code: errorCode, message: typeof errorMessage === 'string' ? errorMessage : errorCode };
};

/**
 * One BankHub API call. Grant-scoped calls carry the raw access token in `Authorization`
 * (BankHub wants no `Bearer ` prefix).
 */
export function bankhubCall(
  ctx: ProviderContext,
  client: BankhubClient,
  call: { op: string; method?: 'GET' | 'POST'; path: string; body?: unknown; accessToken?: string },
): Promise<unknown> {
  const headers: Record<string, string> = {
    'X-BankHub-Api-Version': API_VERSION,
    'x-client-id': client.clientId,
    'x-secret-key': client.secretKey,
  };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  if (call.accessToken !== undefined) headers.authorization = call.accessToken;
  return callProvider(
    ctx,
    {
      provider: 'bankhub',
      op: call.op,
      url: joinUrl(client.baseUrl, call.path),
      method: call.method ?? 'POST',
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    },
    readError,
  );
}
