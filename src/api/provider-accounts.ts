import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createProviderAccount } from '../accounts/create';
import { deleteProviderAccount } from '../accounts/delete';
import { accountToJson, providerAccountSchema } from '../accounts/serialize';
import { updateProviderAccount } from '../accounts/update';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../db/pagination';
import { listAccounts } from '../db/provider-accounts';
import type { AppEnv } from '../lib/app-env';
import { jsonResponse } from '../lib/openapi';
import { notFound } from '../lib/problem';
import { publicOrigin } from '../lib/public-origin';
import { createRouter } from '../lib/router';
import { type ProviderAccountInput, providerAccountBody, providerAccountPatchBody } from '../providers/registry';
import { loadAccount, toAccount } from '../providers/stored-account';

// Routes of one shape (createRoute, then its handler), as in every api/ file: each is its own operation.
const app = createRouter();
const security = [{ apiKey: [] }];
const tags = ['Provider accounts'];
const idParam = z.object({ id: z.string().openapi({ example: 'pa_…' }) });

const createdAccountSchema = providerAccountSchema
  .extend({
    generatedCredentials: z
      .record(z.string(), z.string())
      .optional()
      .openapi({ description: 'Credentials made for the account (VietQR callbackPassword when left out): shown here only, once' }),
  })
  .openapi('CreatedProviderAccount');

/** 201 with the account, and once only any credential made for it. Also the end of a provider's linking flow. */
export async function createdAccount(c: Context<AppEnv>, input: ProviderAccountInput) {
  const { account, generated } = await createProviderAccount(c.env, c.get('merchant'), input);
  const body = accountToJson(account, publicOrigin(c.env, c.req.url));
  return c.json(generated ? { ...body, generatedCredentials: generated } : body, 201);
}

const createAccountRoute = createRoute({
  method: 'post',
  path: '/v1/provider-accounts',
  tags,
  security,
  summary: 'Configure a provider account (credentials are write-only)',
  request: { body: { required: true, content: { 'application/json': { schema: providerAccountBody } } } },
  responses: { 201: jsonResponse(createdAccountSchema, 'The account, with the webhook URLs to register at the provider') },
});

app.openapi(createAccountRoute, (c) => createdAccount(c, c.req.valid('json')));

const listAccountsRoute = createRoute({
  method: 'get',
  path: '/v1/provider-accounts',
  tags,
  security,
  summary: 'List provider accounts, newest first',
  request: { query: z.object(pageQuery) },
  responses: { 200: jsonResponse(pageSchema(providerAccountSchema), 'One page of accounts') },
});

app.openapi(listAccountsRoute, async (c) => {
  const { limit, cursor } = c.req.valid('query');
  const rows = await listAccounts(c.env, c.get('merchant').id, decodeCursor(cursor), limit);
  const accounts = await Promise.all(rows.map((row) => toAccount(c.env, row)));
  const origin = publicOrigin(c.env, c.req.url);
  const page = toPage(
    accounts,
    limit,
    (account) => ({ time: account.createdAt, id: account.id }),
    (account) => accountToJson(account, origin),
  );
  return c.json(page, 200);
});

const getAccountRoute = createRoute({
  method: 'get',
  path: '/v1/provider-accounts/{id}',
  tags,
  security,
  summary: 'Get a provider account',
  request: { params: idParam },
  responses: { 200: jsonResponse(providerAccountSchema, 'The account') },
});

app.openapi(getAccountRoute, async (c) => {
  const account = await loadAccount(c.env, c.req.valid('param').id, { merchantId: c.get('merchant').id });
  if (!account) throw notFound('No such provider account');
  return c.json(accountToJson(account, publicOrigin(c.env, c.req.url)), 200);
});

const patchAccountRoute = createRoute({
  method: 'patch',
  path: '/v1/provider-accounts/{id}',
  tags,
  security,
  summary: 'Change a provider account: label, baseUrl, or rotate its credentials (the old ones stop working at once)',
  request: { params: idParam, body: { required: true, content: { 'application/json': { schema: providerAccountPatchBody } } } },
  responses: {
    200: jsonResponse(providerAccountSchema, 'The account as it now is'),
    404: { description: 'No such live account of this merchant' },
    422: { description: "A field this provider's accounts do not take, a callback secret under 16 characters, or a refused baseUrl" },
  },
});

app.openapi(patchAccountRoute, async (c) => {
  const account = await updateProviderAccount(c.env, c.get('merchant').id, c.req.valid('param').id, c.req.valid('json'));
  return c.json(accountToJson(account, publicOrigin(c.env, c.req.url)), 200);
});

const deleteAccountRoute = createRoute({
  method: 'delete',
  path: '/v1/provider-accounts/{id}',
  tags,
  security,
  summary: 'Delete a provider account (its orders keep their history; its callback URLs answer 401 from now on)',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' } },
});

app.openapi(deleteAccountRoute, async (c) => {
  await deleteProviderAccount(c.env, c.get('merchant').id, c.req.valid('param').id);
  return c.body(null, 204);
});

export default app;
