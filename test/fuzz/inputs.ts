import fc from 'fast-check';

/** One hostile request body: what is sent, under which content type (null: no header), and what kind it is. */
export interface FuzzInput {
  kind: string;
  contentType: string | null;
  body: string | Uint8Array;
  [fc.toStringMethod]?: () => string;
}

const LIMIT = 64 * 1024;
const JSON_TYPE = 'application/json';
const encoder = new TextEncoder();

/** fast-check prints failing inputs: the kind and size, not 64 KiB of filler. */
export function described(input: Omit<FuzzInput, typeof fc.toStringMethod>): FuzzInput {
  const size = typeof input.body === 'string' ? encoder.encode(input.body).byteLength : input.body.byteLength;
  const head = typeof input.body === 'string' ? input.body.slice(0, 160) : `bytes ${Array.from(input.body.slice(0, 40)).join(',')}`;
  return { ...input, [fc.toStringMethod]: () => `${input.kind} | ${input.contentType ?? '(no content type)'} | ${size} B | ${head}` };
}

/** Values a field should never choke on: wrong types, boundaries, odd strings, odd numbers. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, 500_000_001, 9_999_999_999_999, '', ' ', '0', 'null', true, false, null, [], {}),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 200, maxLength: 3000 }),
  fc.constantFrom('https://127.0.0.1/x', 'http://shop.example/x', 'javascript:alert(1)', 'https://[::1]/', 'https://shop.example/webhooks'),
  fc.constantFrom('\u0000', '\ud800', 'Đơn hàng số 1 – thanh toán', '<script>', "' OR 1=1 --", '{{7*7}}', '__proto__'),
);

/** An object built from a route's own field names with odd values: gets past "unknown field" into each field's validation. */
export const wrongTypes = (fields: string[]): fc.Arbitrary<FuzzInput> =>
  fc
    .dictionary(fc.constantFrom(...fields), oddValue, { minKeys: 1, maxKeys: Math.min(fields.length, 8) })
    .map((value) => ({ kind: 'wrong types', contentType: JSON_TYPE, body: JSON.stringify(value) }));

export const randomJson: fc.Arbitrary<FuzzInput> = fc
  .jsonValue({ maxDepth: 4 })
  .map((value) => ({ kind: 'random json', contentType: JSON_TYPE, body: JSON.stringify(value) ?? 'null' }));

/** Not JSON at all: truncated, trailing garbage, comments, NaN, single quotes… */
export const brokenJson: fc.Arbitrary<FuzzInput> = fc
  .oneof(
    fc.constantFrom('{', '{"a":1,}', "{'a':1}", '{"a":NaN}', '[1,2', '{"a":1}garbage', '/* c */{}', '\ufeff{}', 'nul', '"\\x41"', ''),
    fc.string({ maxLength: 200 }),
  )
  .map((body) => ({ kind: 'broken json', contentType: JSON_TYPE, body }));

/** Around the 64 KiB limit, in bytes: ASCII, and 3-byte characters whose string length is a third of their size. */
export const hugeString = (field: string): fc.Arbitrary<FuzzInput> =>
  fc.record({ size: fc.integer({ min: LIMIT - 64, max: LIMIT + 4096 }), wide: fc.boolean() }).map(({ size, wide }) => {
    const shell = encoder.encode(JSON.stringify({ [field]: '' })).byteLength;
    const room = Math.max(0, size - shell);
    const filler = wide ? 'ấ'.repeat(Math.floor(room / 3)) : 'a'.repeat(room);
    return { kind: `huge string (${size} B)`, contentType: JSON_TYPE, body: JSON.stringify({ [field]: filler }) };
  });

/** Arrays or objects nested up to thousands deep, alone or inside a field. */
export const deepNesting = (field: string): fc.Arbitrary<FuzzInput> =>
  fc
    .record({ depth: fc.integer({ min: 50, max: 20_000 }), objects: fc.boolean(), wrapped: fc.boolean() })
    .map(({ depth, objects, wrapped }) => {
      const [open, close] = objects ? ['{"a":', '}'] : ['[', ']'];
      const nested = `${open.repeat(depth)}1${close.repeat(depth)}`;
      return { kind: `deep nesting (${depth})`, contentType: JSON_TYPE, body: wrapped ? `{"${field}":${nested}}` : nested };
    });

/** Bytes that are not UTF-8 (lone continuation bytes, overlong forms, surrogates, truncated sequences) inside a JSON string. */
export const invalidUtf8 = (field: string): fc.Arbitrary<FuzzInput> =>
  fc
    .array(
      fc.constantFrom(
        [0xff],
        [0xfe, 0xff],
        [0x80],
        [0xc0, 0xaf],
        [0xe0, 0x80, 0xaf],
        [0xed, 0xa0, 0x80],
        [0xf4, 0x90, 0x80, 0x80],
        [0xe1, 0xba],
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((chunks) => {
      const head = encoder.encode(`{"${field}":"`);
      const tail = encoder.encode('"}');
      const bytes = Uint8Array.from([...head, ...chunks.flat(), ...tail]);
      return { kind: 'invalid utf-8', contentType: JSON_TYPE, body: bytes };
    });

/** The same key twice with different values (JSON.parse keeps the last; a signature may cover either). */
export const duplicatedKeys = (fields: string[]): fc.Arbitrary<FuzzInput> =>
  fc.array(fc.tuple(fc.constantFrom(...fields), oddValue), { minLength: 2, maxLength: 8 }).map((pairs) => {
    const doubled = [...pairs, ...pairs.map(([key]) => [key, pairs[0]![1]] as const)];
    const text = `{${doubled.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`).join(',')}}`;
    return { kind: 'duplicated keys', contentType: JSON_TYPE, body: text };
  });

/** A plausible JSON body under a content type that is not JSON (or none). */
export const wrongContentType = (fields: string[]): fc.Arbitrary<FuzzInput> =>
  fc
    .record({
      contentType: fc.constantFrom(
        null,
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/jsonx',
        'json',
        'application/json; charset=utf-16',
        'APPLICATION/JSON',
        '*/*',
      ),
      value: fc.dictionary(fc.constantFrom(...fields), oddValue, { maxKeys: 3 }),
    })
    .map(({ contentType, value }) => ({ kind: 'wrong content type', contentType, body: JSON.stringify(value) }));

/** Every kind of hostile body for a route whose body has these fields. */
export function hostileBody(fields: string[]): fc.Arbitrary<FuzzInput> {
  const first = fields[0] ?? 'a';
  return fc
    .oneof(
      { arbitrary: wrongTypes(fields), weight: 4 },
      { arbitrary: randomJson, weight: 2 },
      { arbitrary: brokenJson, weight: 1 },
      { arbitrary: hugeString(first), weight: 1 },
      { arbitrary: deepNesting(first), weight: 1 },
      { arbitrary: invalidUtf8(first), weight: 1 },
      { arbitrary: duplicatedKeys(fields), weight: 1 },
      { arbitrary: wrongContentType(fields), weight: 1 },
    )
    .map(described);
}
