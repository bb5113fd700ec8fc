import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, endpointWants } from '../../../src/schemas/event';

describe('endpointWants', () => {
  it('null subscribes to every type', () => {
    for (const type of EVENT_TYPES) expect(endpointWants(null, type)).toBe(true);
  });

  it('a list subscribes to exactly its types (property)', () => {
    fc.assert(
      fc.property(fc.subarray([...EVENT_TYPES]), fc.constantFrom(...EVENT_TYPES), (subscribed, type) => {
        expect(endpointWants(subscribed, type)).toBe(subscribed.includes(type));
      }),
    );
    expect(endpointWants([], 'order.paid')).toBe(false);
  });
});
