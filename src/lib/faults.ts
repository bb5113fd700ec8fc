/**
 * Test-only fault points. Tests arm a point (same isolate as the worker in workerd's test pool);
 * production never arms one, so `maybeFail` is a map lookup that finds nothing.
 */
export type FaultPoint =
  | 'before-commit' // the ledger read what it needed, then dies before its transaction: nothing is written
  | 'after-commit' // the ledger committed, the caller dies before acking the provider
  | 'projection' // the D1 projection write fails
  | 'fan-out' // reading the endpoints to fan an event out to fails
  | 'during-send' // the delivery request fails on the wire
  | 'before-send' // the delivery fails before it is sent (a secret that will not open, a missing event)
  | 'after-send'; // the request was sent, the DO dies before recording the attempt

const armed = new Map<FaultPoint, number>();

export function injectFault(point: FaultPoint, times = 1): void {
  armed.set(point, times);
}

export function clearFaults(): void {
  armed.clear();
}

export function maybeFail(point: FaultPoint): void {
  const left = armed.get(point) ?? 0;
  if (left <= 0) return;
  armed.set(point, left - 1);
  throw new Error(`injected fault: ${point}`);
}
