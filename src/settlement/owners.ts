import type { Env } from '../env';

/** The Durable Object that owns a ledger: `order:<id>` → that order's DO; `account:…`/`merchant:…` → an account DO of that name. */
export function ledgerStub(env: Env, owner: string) {
  if (owner.startsWith('order:')) return env.ORDER_DO.get(env.ORDER_DO.idFromName(owner.slice('order:'.length)));
  return env.ACCOUNT_DO.get(env.ACCOUNT_DO.idFromName(owner));
}

export const orderStub = (env: Env, orderId: string) => env.ORDER_DO.get(env.ORDER_DO.idFromName(orderId));
