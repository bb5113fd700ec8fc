import { createRoute, z } from '@hono/zod-openapi';
import { HttpError, notFound, unprocessable } from '../lib/problem';
import { publicOrigin } from '../lib/public-origin';
import { createRouter } from '../lib/router';
import { requireTestMode, simulatePayment } from '../payments/simulate';
import { sendSandboxCallback } from '../providers/inbound/sandbox-send';
import { buildSandboxCallback, hookRoutes } from '../providers/registry';
import { loadAccount } from '../providers/stored-account';

// Routes of one shape (createRoute, then its handler), as in every api/ file: each is its own operation.
const app = createRouter();
const security = [{ apiKey: [] }];
const tags = ['Sandbox'];
const accepted = {
  description: 'Accepted: settled through the real path',
  content: { 'application/json': { schema: z.object({ paymentId: z.string() }) } },
};

const pay = createRoute({
  method: 'post',
  path: '/v1/sandbox/orders/{id}/pay',
  tags,
  security,
  summary: 'Simulate a payment of an order (test mode)',
  request: {
    params: z.object({ id: z.string() }),
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z.strictObject({
            amount: z.number().int().min(1).max(500_000_000).optional().openapi({ description: 'Default: what remains to be paid' }),
            content: z.string().max(500).optional().openapi({ description: "Default: the order's transfer content" }),
          }),
        },
      },
    },
  },
  responses: { 202: accepted },
});

app.openapi(pay, async (c) => {
  const paid = await simulatePayment(
    c.env,
    c.get('merchant'),
    c.req.valid('param').id,
    c.req.valid('json') ?? {},
    publicOrigin(c.env, c.req.url),
  );
  return c.json(paid, 202);
});

const callback = createRoute({
  method: 'post',
  path: '/v1/sandbox/provider-accounts/{id}/callback',
  tags,
  security,
  summary: "Send an authentic provider callback, signed with the account's stored credentials, through the real hook (test mode)",
  request: {
    params: z.object({ id: z.string() }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.strictObject({
            amount: z.number().int().min(1).max(500_000_000),
            content: z.string().min(1).max(500),
            providerTransactionId: z.string().min(1).max(64).optional().openapi({ description: 'Random digits by default' }),
          }),
        },
      },
    },
  },
  responses: {
    202: {
      description: 'The hook accepted the callback',
      content: {
        'application/json': {
          schema: z.object({ providerTransactionId: z.string(), hookStatus: z.number().int(), hookResponse: z.unknown() }),
        },
      },
    },
  },
});

app.openapi(callback, async (c) => {
  const merchant = c.get('merchant');
  requireTestMode(merchant);
  const account = await loadAccount(c.env, c.req.valid('param').id, { merchantId: merchant.id });
  if (!account) throw notFound('No such provider account');
  const body = c.req.valid('json');
  const providerTransactionId = body.providerTransactionId ?? String(Math.floor(Math.random() * 9e11) + 1e11);
  const built = buildSandboxCallback(account, { amount: body.amount, content: body.content, providerTransactionId });
  if (!built)
    throw unprocessable(`A ${account.provider} account receives no callbacks; use /v1/sandbox/orders/{id}/pay`, [
      { path: 'id', message: 'Provider sends no callbacks' },
    ]);
  const origin = new URL(c.req.url).origin;
  const answer = await sendSandboxCallback(await built, origin, async (request) => hookRoutes.fetch(request, c.env, c.executionCtx));
  const text = await answer.text();
  if (!answer.ok) throw new HttpError(502, `The ${account.provider} hook answered ${answer.status}: ${text.slice(0, 300)}`);
  let hookResponse: unknown = text;
  try {
    hookResponse = JSON.parse(text);
  } catch {}
  return c.json({ providerTransactionId, hookStatus: answer.status, hookResponse }, 202);
});

export default app;
