import { createRoute, z } from '@hono/zod-openapi';
import { randomToken } from '../db/ids';
import { loadAccount } from '../db/provider-accounts';
import { submitReports } from '../ledger/submit';
import { conflict, forbidden, HttpError, notFound, unprocessable } from '../lib/problem';
import { publicOrigin } from '../lib/public-origin';
import { createRouter } from '../lib/router';
import { sendSandboxCallback } from '../providers/inbound/sandbox-send';
import { buildSandboxCallback, hookRoutes } from '../providers/registry';
import type { Transaction } from '../providers/types';
import { orderStub } from '../settlement/owners';

const app = createRouter();
const security = [{ apiKey: [] }];
const tags = ['Sandbox'];
const accepted = {
  description: 'Accepted: settled through the real path',
  content: { 'application/json': { schema: z.object({ paymentId: z.string() }) } },
};

/** Sandbox money is for test merchants only: a live merchant gets 403 before anything is read. */
function requireTestMode(mode: 'test' | 'live') {
  if (mode !== 'test') throw forbidden('The sandbox is for test-mode merchants only');
}

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
  const merchant = c.get('merchant');
  requireTestMode(merchant.mode);
  const { id } = c.req.valid('param');
  const body = c.req.valid('json') ?? {};
  const row = await c.env.DB.prepare('SELECT provider_account_id, provider, transfer_content FROM orders WHERE id = ? AND merchant_id = ?')
    .bind(id, merchant.id)
    .first<{ provider_account_id: string; provider: Transaction['provider']; transfer_content: string }>();
  if (!row) throw notFound('No such order');
  const order = await orderStub(c.env, id).current(id, publicOrigin(c.env, c.req.url));
  const amount = body.amount ?? (order ? order.amount - order.amountPaid : 0);
  if (amount < 1) throw conflict('Nothing remains to be paid; pass an amount to pay more');
  const account = await loadAccount(c.env, row.provider_account_id, { includeDeleted: true });
  if (!account) throw notFound('The order’s provider account is gone');
  const now = new Date().toISOString();
  const tx: Transaction = {
    provider: row.provider,
    providerAccountId: row.provider_account_id,
    providerTransactionId: `sandbox_${randomToken(12)}`,
    amount,
    content: body.content ?? row.transfer_content,
    bankReference: null,
    accountNumber: null,
    virtualAccount: null,
    providerReference: null,
    counterAccount: null,
    occurredAt: now,
    raw: JSON.stringify({ sandbox: true, orderId: id, amount }),
  };
  const [result] = await submitReports(c.env, account, [tx], {
    origin: publicOrigin(c.env, c.req.url),
    force: { orderId: id, matchedBy: 'sandbox' },
    via: 'sandbox',
  });
  return c.json({ paymentId: result!.paymentId }, 202);
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
  requireTestMode(merchant.mode);
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
