import { createRoute, z } from '@hono/zod-openapi';
import { type OperationInfo, PROVIDER_FAILED } from '../../lib/openapi';
import { createRouter } from '../../lib/router';
import { credential } from '../account-fields';
import { assertBaseUrlAllowed } from '../base-url';
import { liveProviderContext } from '../outbound';
import type { ProviderRouteDeps } from '../types';
import { defaultBaseUrl } from './account';
import type { BankhubClient } from './client';
import { exchangeForAccessToken, startLink } from './link';

// CONTRACT §3, BankHub linking: grant token → BankHub Link (in the merchant's browser) → public token exchange.
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
  request: { body: { required: true, content: { 'application/json': { schema: exchangeBody } } } },
  responses: {
    201: {
      description: 'The linked account, as POST /v1/provider-accounts answers',
      // The schema is the accounts service's (above this folder): referenced, not imported.
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ProviderAccount' } } },
    },
    422: { description: 'BankHub refused the token or the grant cannot take QR payments (the grant is removed)' },
  },
});

const client = (input: { clientId: string; secretKey: string; baseUrl?: string }, mode: 'test' | 'live'): BankhubClient => ({
  baseUrl: input.baseUrl ?? defaultBaseUrl(mode),
  clientId: input.clientId,
  secretKey: input.secretKey,
});

/** What the OpenAPI document says of the two linking operations. */
export const linkOperations: Record<string, OperationInfo> = {
  'POST /v1/provider-accounts/bankhub/link': {
    operationId: 'startBankhubLink',
    description: 'Step 1 of linking a BankHub account: a grant token and the BankHub Link URL to open in the merchant’s browser.',
    errors: { 502: PROVIDER_FAILED },
  },
  'POST /v1/provider-accounts/bankhub/exchange': {
    operationId: 'exchangeBankhubToken',
    description:
      'Last step of linking: exchanges the publicToken from the Link redirect, checks the grant and creates the provider account. ' +
      'A grant that cannot take QR payments is removed (422).',
    errors: { 502: PROVIDER_FAILED },
  },
};

/** The two linking routes; the account the exchange ends in is created by the accounts service (`deps`). */
export function linkRoutes(deps: ProviderRouteDeps) {
  const app = createRouter();

  app.openapi(linkRoute, async (c) => {
    const input = c.req.valid('json');
    assertBaseUrlAllowed(c.env, input.baseUrl);
    const { mode } = c.get('merchant');
    return c.json(await startLink(liveProviderContext(c.env), client(input, mode), input.redirectUri, mode), 200);
  });

  app.openapi(exchangeRoute, async (c) => {
    const { publicToken, ...input } = c.req.valid('json');
    assertBaseUrlAllowed(c.env, input.baseUrl);
    const accessToken = await exchangeForAccessToken(liveProviderContext(c.env), client(input, c.get('merchant').mode), publicToken);
    return deps.createAccount(c, { provider: 'bankhub', ...input, accessToken });
  });

  return app;
}
