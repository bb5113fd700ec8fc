import { log } from '../lib/log';
import type { OrderEntry } from './records';
import { ledgerStub } from './stubs';

const ATTEMPTS = 3;

/**
 * Registers a new order in its ledger before its QR is handed out, so callbacks match it without D1.
 * Idempotent, so it is retried; if every attempt fails the order still works: a callback's index miss finds
 * it in D1 and the ledger adopts it, and the expiry sweep (cron) announces it if nothing else does.
 */
export async function registerInLedger(env: Env, entry: OrderEntry): Promise<boolean> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      await ledgerStub(env, entry.ledger).register(entry);
      return true;
    } catch (error) {
      if (attempt === ATTEMPTS)
        log('warn', 'order not registered in its ledger; D1 fallback will find it', { orderId: entry.id, error: String(error) });
    }
  }
  return false;
}
