/**
 * One text per JSON value: object keys sorted at every depth, no whitespace. Two bodies that mean the same
 * (keys reordered, spaces) give the same text, so an Idempotency-Key retry from a client that re-serialises
 * its request is still "the same body" (CONTRACT §1). Empty text stays empty (a POST without a body).
 */
export function canonicalJson(text: string): string {
  if (text.trim() === '') return '';
  return JSON.stringify(sorted(JSON.parse(text)));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, inner]) => [key, sorted(inner)]));
}
