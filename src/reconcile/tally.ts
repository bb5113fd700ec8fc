import type { ReportOutcome } from '../ledger/submit';

/** What one run did: transactions read, and of those submitted, new ones and ones already recorded. */
export interface Tally {
  fetched: number;
  settled: number;
  known: number;
}

export const emptyTally = (): Tally => ({ fetched: 0, settled: 0, known: 0 });

export function count(tally: Tally, fetched: number, outcomes: ReportOutcome[]): void {
  tally.fetched += fetched;
  for (const outcome of outcomes) {
    if (outcome.known) tally.known += 1;
    else tally.settled += 1;
  }
}
