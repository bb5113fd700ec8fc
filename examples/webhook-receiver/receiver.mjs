// A merchant's webhook receiver for the VietQR router's events, verified with the stock Standard Webhooks
// library (https://github.com/standard-webhooks/standard-webhooks). A web-standard handler: Request in, Response
// out, so it runs as is on Cloudflare Workers, Deno, Bun, and on Node through server.mjs.
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

/**
 * @param {object} options
 * @param {string} options.secret  the endpoint's `whsec_…` secret (POST /v1/endpoints or GET /v1/endpoints/{id}/secret)
 * @param {(event: object) => Promise<void> | void} options.onEvent  your business logic, called once per event
 * @param {{ has(id: string): boolean | Promise<boolean>, add(id: string): unknown }} [options.seen]
 *   ids already handled: deliveries are at least once, so the same event can come again (use a database table in production)
 * @returns {(request: Request) => Promise<Response>}
 */
export function createWebhookReceiver({ secret, onEvent, seen = new Set() }) {
  const webhook = new Webhook(secret);
  return async (request) => {
    if (request.method !== 'POST') return new Response('POST only', { status: 405 });
    // Verify the exact bytes that were signed: read the body as text, never re-serialise parsed JSON.
    const body = await request.text();
    let event;
    try {
      // Checks webhook-signature (any of the space-separated signatures, so a secret rotation is seamless)
      // and that webhook-timestamp is within 5 minutes of now; returns the parsed event.
      event = webhook.verify(body, {
        'webhook-id': request.headers.get('webhook-id') ?? '',
        'webhook-timestamp': request.headers.get('webhook-timestamp') ?? '',
        'webhook-signature': request.headers.get('webhook-signature') ?? '',
      });
    } catch (error) {
      if (error instanceof WebhookVerificationError) return new Response('invalid signature', { status: 400 });
      throw error;
    }
    const id = request.headers.get('webhook-id');
    if (await seen.has(id)) return new Response(null, { status: 204 }); // a redelivery: already handled
    await onEvent(event);
    await seen.add(id);
    // Any 2xx within 15 s is a success; anything else is retried (5 s, 5 min, 30 min, … for about a day).
    return new Response(null, { status: 204 });
  };
}
