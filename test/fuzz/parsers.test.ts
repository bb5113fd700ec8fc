import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBankhub } from '../../src/providers/bankhub/hook';
import { parseCasso } from '../../src/providers/casso/hook';
import { CallbackError } from '../../src/providers/inbound/errors';
import type { InboundBatch } from '../../src/providers/inbound/types';
import { MAX_ID_LENGTH, MAX_VND, transactionId, vnd } from '../../src/providers/inbound/values';
import { occurredAt, parseEpochMs, parseVnCompact, parseVnDateTime, parseZonedIso } from '../../src/providers/inbound/vn-time';
import { parsePayos } from '../../src/providers/payos/hook';
import { parseSepay } from '../../src/providers/sepay/hook';
import { parseTingee } from '../../src/providers/tingee/hook';
import { parseVietqrSync } from '../../src/providers/vietqr/hook';
import { vectors } from '../fixtures/inbound-reference';

/*
 * Issue 13, finding 5: every provider parser is total (CONTRACT §6). Each provider's real sample body
 * (../shared/vectors/providers.json) gets its fields, one or several at a time and at any depth, replaced by
 * extreme values. A parse either gives transactions the ledger can store, or refuses with a 400
 * CallbackError: never any other throw (which the hook would turn into a 500 the provider retries forever).
 */

const RUNS = 400;
const NOW = new Date('2026-06-01T03:00:00Z');
const ACCOUNT = 'pa_fuzz';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const parsers: Record<string, { sample: Json; parse: (raw: string) => InboundBatch }> = {
  casso: { sample: vectors.casso_v2_signature.body as Json, parse: (raw) => parseCasso(JSON.parse(raw), raw, ACCOUNT, NOW) },
  payos: {
    sample: vectors.payos_webhook_signature.body.data as Json,
    parse: (raw) => {
      const data = JSON.parse(raw);
      // The hook hands the parser the signed `data` only when it is an object (verifyPayos checks that first).
      if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new CallbackError(400, 'INVALID_BODY', 'not an object');
      return parsePayos(data, raw, ACCOUNT, NOW);
    },
  },
  bankhub: { sample: vectors.bankhub_transactions_webhook.body as Json, parse: (raw) => parseBankhub(raw, ACCOUNT, NOW) },
  vietqr: {
    sample: { ...vectors.vietqr_transaction_sync.body, transType: 'C' } as Json,
    parse: (raw) => parseVietqrSync(raw, ACCOUNT, NOW),
  },
  tingee: { sample: vectors.tingee_notification.body as Json, parse: (raw) => parseTingee(raw, ACCOUNT, NOW) },
  sepay: { sample: vectors.sepay_webhook.body as Json, parse: (raw) => parseSepay(raw, ACCOUNT, NOW) },
};

/** Values at and past every boundary a parser has: times, amounts, ids, types. All survive JSON. */
const extreme: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    0,
    -0,
    -1,
    1,
    0.5,
    25_000.5,
    1e-7,
    1e21,
    -1e21,
    1e308,
    -1e308,
    MAX_VND,
    MAX_VND + 1,
    2 ** 53,
    2 ** 53 - 1,
    -(2 ** 53),
    8.64e15,
    8.64e15 + 1,
    9_000_000_000_000_000,
    Date.UTC(2019, 11, 31),
    NOW.getTime() + 2 * 86_400_000,
    '',
    ' ',
    '0',
    '-0',
    '25000.0',
    '25000.50',
    '1e21',
    '9'.repeat(400),
    'x'.repeat(MAX_ID_LENGTH + 1),
    '2026-02-30 25:61:00',
    '2019-12-31 23:59:59',
    '9999-12-31 23:59:59',
    '0000-01-01 00:00:00',
    '20261332256161',
    '99991231235959999',
    '2026-13-01T00:00:00+07:00',
    '+275760-09-13T00:00:00Z',
    '275760-09-13T00:00:01+00:00',
    'in',
    'out',
    'C',
    'D',
    'TRANSACTIONS',
    '00',
    '\u0000',
    '\ud800',
    '__proto__',
    null,
    true,
    false,
    [],
    {},
    [[[[[[[[]]]]]]]],
    { id: 1, amount: 1 },
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

/** Every path to a value in `value`, objects and arrays alike. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => paths(item, [...prefix, i]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
  }
  return here;
}

function replaced(sample: Json, edits: [(string | number)[], Json][]): Json {
  const copy = structuredClone(sample);
  for (const [path, value] of edits) {
    let node = copy as Record<string | number, Json>;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      if (next === null || typeof next !== 'object') break;
      node = next as Record<string | number, Json>;
    }
    node[path.at(-1)!] = value;
  }
  return copy;
}

/** What the ledger may be handed: whole VND in (0, 10^13], a bounded id, a real ISO instant. */
function expectStorable(batch: InboundBatch) {
  for (const tx of batch.transactions) {
    expect(Number.isInteger(tx.amount) && tx.amount > 0 && tx.amount <= MAX_VND, `amount ${tx.amount}`).toBe(true);
    expect(tx.providerTransactionId.length).toBeGreaterThan(0);
    expect(tx.providerTransactionId.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(new Date(tx.occurredAt).toISOString()).toBe(tx.occurredAt);
    expect(Date.parse(tx.occurredAt)).toBeGreaterThanOrEqual(Date.UTC(2020, 0, 1));
    expect(Date.parse(tx.occurredAt)).toBeLessThanOrEqual(NOW.getTime() + 86_400_000);
  }
}

describe.each(Object.keys(parsers))('%s parser (fuzzed over its real sample)', (name) => {
  const { sample, parse } = parsers[name]!;
  const fieldPaths = paths(sample);

  it('reads the sample as it is', () => {
    expectStorable(parse(JSON.stringify(sample)));
  });

  it('with fields replaced by extreme values, at any depth: storable transactions or a 400, never another throw', () => {
    const edit = fc.tuple(fc.constantFrom(...fieldPaths), extreme);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const raw = JSON.stringify(replaced(sample, edits));
        let batch: InboundBatch;
        try {
          batch = parse(raw);
        } catch (error) {
          expect(error, String(error)).toBeInstanceOf(CallbackError);
          expect((error as CallbackError).status).toBe(400);
          return;
        }
        expectStorable(batch);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the readers reconciliation shares are total too', () => {
  it('amounts, ids and times: a value or null, and a pulled time is always a real instant', () => {
    fc.assert(
      fc.property(extreme, (value) => {
        const amount = vnd(value);
        expect(amount === null || (Number.isInteger(amount) && amount <= MAX_VND)).toBe(true);
        const id = transactionId(value);
        expect(id === null || (id.length > 0 && id.length <= MAX_ID_LENGTH)).toBe(true);
        for (const parse of [parseEpochMs, parseVnDateTime, parseVnCompact, parseZonedIso]) {
          const at = occurredAt(parse(value), NOW);
          expect(new Date(at).toISOString()).toBe(at);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
