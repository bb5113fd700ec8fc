/** The ledger Durable Object of one (merchant, receiving account) — see keys.ts for the name. */
export const ledgerStub = (env: Env, ledger: string) => env.LEDGER.get(env.LEDGER.idFromName(ledger));

/** The merchant's own events (those of no account: `endpoint.disabled`). */
export const merchantStub = (env: Env, merchantId: string) => env.MERCHANT.get(env.MERCHANT.idFromName(merchantId));

/** The Durable Object an outbox owner string names (`ledger:<name>`, `merchant:<id>`), or null for an owner of the old design. */
export function ownerStub(env: Env, owner: string) {
  if (owner.startsWith('ledger:')) return ledgerStub(env, owner.slice('ledger:'.length));
  if (owner.startsWith('merchant:')) return merchantStub(env, owner.slice('merchant:'.length));
  return null;
}
