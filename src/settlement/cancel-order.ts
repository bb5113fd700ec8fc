import type { Env } from '../env';
import type { CancelResult } from './order-do';
import { orderStub } from './owners';

/**
 * Cancels through the order's DO, so a cancel and a payment arriving together are ordered there.
 * (The cast: the RPC stub type of a JSON-shaped result is too deep for the compiler to expand.)
 */
export async function cancelInDo(env: Env, merchantId: string, orderId: string, origin: string): Promise<CancelResult> {
  const stub = orderStub(env, orderId) as unknown as { cancel(o: string, m: string, origin: string): Promise<CancelResult> };
  return stub.cancel(orderId, merchantId, origin);
}
