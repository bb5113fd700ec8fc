import { z } from '@hono/zod-openapi';
import type { OperationInfo } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { bankhub } from './bankhub';
import { casso } from './casso';
import { direct } from './direct';
import type { SandboxCallback, SandboxTransaction } from './inbound/types';
import { payos } from './payos';
import { sepay } from './sepay';
import { tingee } from './tingee';
import type { ProviderAccount, ProviderGuide, ProviderModule, ProviderRouteDeps } from './types';
import { vietqr } from './vietqr';

/** The providers the router knows. */
export type ProviderName = 'direct' | 'bankhub' | 'vietqr' | 'tingee' | 'payos' | 'casso' | 'sepay';

/** Every provider the router knows, by name: the only place besides their folders that names them. */
export const providers: Record<ProviderName, ProviderModule> = { direct, bankhub, vietqr, tingee, payos, casso, sepay };

export const providerNames = Object.keys(providers) as ProviderName[];

export const getProvider = (name: string): ProviderModule | null =>
  Object.hasOwn(providers, name) ? providers[name as ProviderName] : null;

/** What the dashboard shows of a provider (its name as merchants know it, where our URLs go); null for an unknown one. */
export const guideOf = (name: string): ProviderGuide | null => getProvider(name)?.guide ?? null;

/** What the OpenAPI document says of the providers' own routes, keyed like api/operations.ts. */
export const providerOperations: Record<string, OperationInfo> = Object.assign(
  {},
  ...Object.values(providers).map((module) => module.operations ?? {}),
);

/** What every account body has besides its provider's own fields. */
const label = () => z.string().trim().min(1).max(100);
// The shape only; the outbound URL policy (providers/base-url.ts) needs the environment, so the service applies it.
const baseUrl = () =>
  z
    .url({ protocol: /^https?$/, error: 'Expected an absolute http(s) URL' })
    .max(500)
    .openapi({ description: "Override of the provider's API host (https to a public host: the endpoint URL policy)" });
const common = <N extends ProviderName>(name: N) => ({
  provider: z.literal(name),
  label: label().optional(),
  baseUrl: baseUrl().optional(),
});

// safeExtend keeps each schema's own refinements (SePay's "apiKey or webhookSecret").
const bodies = [
  direct.accountSchema.safeExtend(common('direct')).openapi('DirectAccountInput'),
  bankhub.accountSchema.safeExtend(common('bankhub')).openapi('BankhubAccountInput'),
  vietqr.accountSchema.safeExtend(common('vietqr')).openapi('VietqrAccountInput'),
  tingee.accountSchema.safeExtend(common('tingee')).openapi('TingeeAccountInput'),
  payos.accountSchema.safeExtend(common('payos')).openapi('PayosAccountInput'),
  casso.accountSchema.safeExtend(common('casso')).openapi('CassoAccountInput'),
  sepay.accountSchema.safeExtend(common('sepay')).openapi('SepayAccountInput'),
] as const;

/** `POST /v1/provider-accounts` body: one strict object per provider, chosen by `provider`. */
export const providerAccountBody = z.discriminatedUnion('provider', bodies, {
  error: (issue) => (issue.code === 'invalid_union' ? `Unknown provider: expected one of ${providerNames.join(', ')}` : undefined),
});

export type ProviderAccountInput = z.infer<typeof providerAccountBody>;

/** What every PATCH may change besides the provider's credentials; null resets to none / the default host. */
const patchCommon = { label: label().nullable().optional(), baseUrl: baseUrl().nullable().optional() };

/** The strict `PATCH /v1/provider-accounts/{id}` body of one provider's accounts. */
export function accountPatchSchema(name: ProviderName) {
  return (providers[name].patchSchema as z.ZodObject).safeExtend(patchCommon);
}

/**
 * The PATCH body as documented and first checked: every field any provider's PATCH takes, at its loosest.
 * Which of them an account takes, and how long each must be, is its provider's schema's call (accountPatchSchema).
 */
export const providerAccountPatchBody = z
  .strictObject({
    ...Object.fromEntries(
      providerNames.flatMap((name) =>
        Object.keys((providers[name].patchSchema as z.ZodObject).shape).map((field) => [
          field,
          z
            .string()
            .max(500)
            .optional()
            .openapi({ description: `A credential of ${name} accounts (and maybe others')` }),
        ]),
      ),
    ),
    ...patchCommon,
  })
  .openapi('ProviderAccountPatch', {
    description: "label, baseUrl and the account's provider's credential fields (as on create); each one given replaces the old",
  });

/** Every provider's callback URLs (`/hooks/<provider>/…`), as one router. */
export const hookRoutes = createRouter();
for (const module of Object.values(providers)) if (module.hook) hookRoutes.route('/', module.hook.routes);

/** The providers' own merchant API routes (account linking), given what they need from the services. */
export function providerApiRoutes(deps: ProviderRouteDeps) {
  const app = createRouter();
  for (const module of Object.values(providers)) if (module.routes) app.route('/', module.routes(deps));
  return app;
}

/**
 * An authentic callback of the account's provider, signed with its stored credentials (CONTRACT §8),
 * or null for a provider that sends none (direct).
 */
export function buildSandboxCallback(account: ProviderAccount, tx: SandboxTransaction, now = new Date()): Promise<SandboxCallback> | null {
  return getProvider(account.provider)?.hook?.buildCallback(account, tx, now) ?? null;
}
