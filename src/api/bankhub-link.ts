import { createRoute, z } from '@hono/zod-openapi';
import { createProviderAccount } from '../accounts/create';
import { accountToJson, providerAccountSchema } from '../accounts/serialize';
import { idempotency } from '../lib/idempotency';
import { publicOrigin } from '../lib/public-origin';
import { createRouter } from '../lib/router';
import { credential } from '../providers/account-fields';
import { defaultBaseUrl } from '../providers/bankhub/account';
import type { BankhubClient } from '../providers/bankhub/client';
import { exchangeForAccessToken, startLink } from '../providers/bankhub/link';
import { liveProviderContext } from '../providers/outbound';

// CONTRACT §3, BankHub linking: grant token → BankHub Link (in the merchant's browser) → public token exchange.
const app = createRouter();
const security = [{ apiKey: [] }];
const tags = ['Provider accounts'];

const httpUrl = (description: string) =>
  z
    .url({ protocol: /^https?$/, error: 'Expected an absolute http(s) URL' })
    .max(500)
    .openapi({ description });
const clientFields = {
  clientId: credential(),
  secretKey: credential(),
  baseUrl: httpUrl("Override of BankHub's API host").optional(),
};

const linkBody = z
  .strictObject({ ...clientFields, redirectUri: httpUrl('Where BankHub Link sends the user back with a publicToken') })
  .openapi('BankhubLinkInput');
const linkAnswer = z.object({ grantToken: z.string(), linkUrl: z.string() }).openapi('BankhubLink');
const exchangeBody = z.strictObject({ ...clientFields, publicToken: credential() }).openapi('BankhubExchangeInput');

const linkRoute = createRoute({
  method: 'post',
  path: '/v1/provider-accounts/bankhub/link',
  tags,
  security,
  summary: 'Start linking a BankHub account: a grant token and the BankHub Link URL to open',
  middleware: [idempotency] as const,
  request: { body: { required: true, content: { 'application/json': { schema: linkBody } } } },
  responses: {
    200: {
      description: 'Open linkUrl; BankHub redirects to redirectUri with a publicToken',
      content: { 'application/json': { schema: linkAnswer } },
    },
  },
});

const exchangeRoute = createRoute({
  method: 'post',
  path: '/v1/provider-accounts/bankhub/exchange',
  tags,
  security,
  summary: 'Finish linking: exchange the publicToken, check the grant, create the provider account',
  middleware: [idempotency] as const,
  request: { body: { required: true, content: { 'application/json': { schema: exchangeBody } } } },
  responses: {
    201: { description: 'The linked account', content: { 'application/json': { schema: providerAccountSchema } } },
    422: { description: 'BankHub refused the token or the grant cannot take QR payments (the grant is removed)' },
  },
});

const client = (input: { clientId: string; secretKey: string; baseUrl?: string }, mode: 'test' | 'live'): BankhubClient => ({
  baseUrl: input.baseUrl ?? defaultBaseUrl(mode),
  clientId: input.clientId,
  secretKey: input.secretKey,
});

app.openapi(linkRoute, async (c) => {
  const input = c.req.valid('json');
  const { mode } = c.get('merchant');
  return c.json(await startLink(liveProviderContext(), client(input, mode), input.redirectUri, mode), 200);
});

app.openapi(exchangeRoute, async (c) => {
  const { publicToken, ...input } = c.req.valid('json');
  const merchant = c.get('merchant');
  const accessToken = await exchangeForAccessToken(liveProviderContext(), client(input, merchant.mode), publicToken);
  const account = await createProviderAccount(c.env, merchant, { provider: 'bankhub', ...input, accessToken });
  return c.json(accountToJson(account, publicOrigin(c.env, c.req.url)), 201);
});

export default app;
