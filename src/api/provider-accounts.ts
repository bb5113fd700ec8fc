import { createRoute, z } from '@hono/zod-openapi';
import { createProviderAccount } from '../accounts/create';
import { accountToJson, providerAccountSchema } from '../accounts/serialize';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../db/pagination';
import { listAccounts, loadAccount, softDeleteAccount, toAccount } from '../db/provider-accounts';
import { idempotency } from '../lib/idempotency';
import { notFound } from '../lib/problem';
import { publicOrigin } from '../lib/public-origin';
import { createRouter } from '../lib/router';
import { providerAccountBody } from '../providers/registry';

const app = createRouter();
const security = [{ apiKey: [] }];
const tags = ['Provider accounts'];
const idParam = z.object({ id: z.string().openapi({ example: 'pa_…' }) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const createAccountRoute = createRoute({
  method: 'post',
  path: '/v1/provider-accounts',
  tags,
  security,
  summary: 'Configure a provider account (credentials are write-only)',
  middleware: [idempotency] as const,
  request: { body: { required: true, content: { 'application/json': { schema: providerAccountBody } } } },
  responses: { 201: json(providerAccountSchema, 'The account, with the webhook URLs to register at the provider') },
});

app.openapi(createAccountRoute, async (c) => {
  const account = await createProviderAccount(c.env, c.get('merchant'), c.req.valid('json'));
  return c.json(accountToJson(account, publicOrigin(c.env, c.req.url)), 201);
});

const listAccountsRoute = createRoute({
  method: 'get',
  path: '/v1/provider-accounts',
  tags,
  security,
  summary: 'List provider accounts, newest first',
  request: { query: z.object(pageQuery) },
  responses: { 200: json(pageSchema(providerAccountSchema), 'One page of accounts') },
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
  responses: { 200: json(providerAccountSchema, 'The account') },
});

app.openapi(getAccountRoute, async (c) => {
  const account = await loadAccount(c.env, c.req.valid('param').id, { merchantId: c.get('merchant').id });
  if (!account) throw notFound('No such provider account');
  return c.json(accountToJson(account, publicOrigin(c.env, c.req.url)), 200);
});

const deleteAccountRoute = createRoute({
  method: 'delete',
  path: '/v1/provider-accounts/{id}',
  tags,
  security,
  summary: 'Delete a provider account (its orders keep their history)',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' } },
});

app.openapi(deleteAccountRoute, async (c) => {
  if (!(await softDeleteAccount(c.env, c.get('merchant').id, c.req.valid('param').id))) throw notFound('No such provider account');
  return c.body(null, 204);
});

export default app;
