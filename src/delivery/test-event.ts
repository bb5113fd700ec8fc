import type { EndpointRow } from '../db/endpoints';
import { randomToken } from '../lib/ids';
import { checkEndpointUrl } from '../lib/url-policy';
import { signingSecrets } from './endpoint-secrets';
import { ATTEMPT_TIMEOUT_MS } from './schedule';
import { type SendResult, sendWebhook } from './send';
import { signWebhook } from './sign';

export interface TestEventResult {
  /** The message as sent, so the merchant can compare it with what their handler logged. */
  id: string;
  body: string;
  result: SendResult;
}

/**
 * A one-off `test` message to an endpoint, signed like every delivery (Standard Webhooks, current and
 * overlapping secrets) and sent once with the same timeout. It is not an event: nothing is stored, it
 * is never retried, and it shows in no delivery log; the caller gets the answer to show.
 */
export async function sendTestEvent(env: Env, endpoint: EndpointRow, now = new Date()): Promise<TestEventResult> {
  const id = `evt_test_${randomToken(16)}`;
  const body = JSON.stringify({ id, object: 'event', type: 'test', createdAt: now.toISOString(), data: { order: null, payment: null } });
  const check = checkEndpointUrl(endpoint.url, env.ALLOW_PRIVATE_ENDPOINTS === 'true');
  if (!check.ok) {
    return {
      id,
      body,
      result: { ok: false, status: null, body: '', durationMs: 0, disable: false, abort: false, error: `Endpoint URL ${check.reason}` },
    };
  }
  const secrets = await signingSecrets(env.SECRETS_KEY, endpoint, now);
  const headers = await signWebhook({ id, timestamp: now.getTime() / 1000, body, secrets });
  return { id, body, result: await sendWebhook({ url: endpoint.url, headers, body, timeoutMs: ATTEMPT_TIMEOUT_MS }) };
}
