import { z } from '@hono/zod-openapi';
import { bankhub } from './bankhub';
import { casso } from './casso';
import { direct } from './direct';
import { payos } from './payos';
import { sepay } from './sepay';
import { tingee } from './tingee';
import type { ProviderModule, ProviderName } from './types';
import { vietqr } from './vietqr';

/** Every provider the router knows, by name: the only place besides their folders that names them. */
export const providers: Record<ProviderName, ProviderModule> = { direct, bankhub, vietqr, tingee, payos, casso, sepay };

export const providerNames = Object.keys(providers) as ProviderName[];

export const getProvider = (name: string): ProviderModule | null =>
  Object.hasOwn(providers, name) ? providers[name as ProviderName] : null;

/** What every account body has besides its provider's own fields. */
const common = <N extends ProviderName>(name: N) => ({
  provider: z.literal(name),
  label: z.string().trim().min(1).max(100).optional(),
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'Expected an absolute http(s) URL' })
    .max(500)
    .optional()
    .openapi({ description: "Override of the provider's API host" }),
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
