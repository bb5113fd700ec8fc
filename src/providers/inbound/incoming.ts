import type { Transaction } from '../types';
import type { InboundBatch } from './types';

/**
 * Sorts normalized entries into a batch: a non-positive amount is money going out (or nothing),
 * acknowledged and never settled.
 */
export function toBatch(entries: Transaction[], alsoIgnored: InboundBatch['ignored'] = []): InboundBatch {
  const batch: InboundBatch = { transactions: [], ignored: [...alsoIgnored] };
  for (const tx of entries) {
    if (tx.amount > 0) batch.transactions.push(tx);
    else batch.ignored.push({ providerTransactionId: tx.providerTransactionId, reason: 'not incoming money' });
  }
  return batch;
}
