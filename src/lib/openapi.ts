import { z } from '@hono/zod-openapi';
import { DEFAULT_CODES, SPECIFIC_CODES } from './problem';

/*
 * The OpenAPI document as a generator reads it. Routes describe themselves (zod schemas, summary, tags,
 * security); what is the same for every route is derived here from that description, once, so a route
 * added tomorrow is documented like the others: operationId, description, the error statuses its
 * middleware and validation can answer (one Problem schema), the Idempotency-Key parameter on merchant
 * POSTs, response headers, `security: []` on public routes, and shapes generators read correctly
 * (`X | null` as a union, times as `date-time`, request defaults that do not make a field required).
 */

// ---- Schemas a route uses -------------------------------------------------------------------------

export const fieldErrorSchema = z
  .object({
    path: z.string().openapi({ description: 'Dotted path of the field ("amount", "metadata.note"), or a header name', example: 'amount' }),
    message: z.string(),
  })
  .openapi('FieldError');

const codeList = [
  ...Object.entries(DEFAULT_CODES).map(([status, code]) => `\`${code}\` (${status})`),
  ...Object.entries(SPECIFIC_CODES).map(([code, meaning]) => `\`${code}\`: ${meaning}`),
].join('; ');

/** RFC 9457 problem details, the body of every error (`application/problem+json`). */
export const problemSchema = z
  .object({
    type: z.string().openapi({ format: 'uri', description: 'Identifies the kind of problem' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().openapi({ description: 'For people; may change. Branch on `code`.' }),
    code: z.string().openapi({ description: `Machine-readable and stable. One of: ${codeList}.`, example: 'validation_failed' }),
    errors: z.array(fieldErrorSchema).optional().openapi({ description: 'Each invalid field (422)' }),
    orderId: z.string().optional().openapi({ description: 'The existing order (`duplicate_reference`)', example: 'ord_…' }),
  })
  .openapi('Problem');

/** A route's JSON response (or request body content): the description and its `application/json` schema. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

// ---- Document types (only what this module reads and writes) --------------------------------------

export type Json = Record<string, unknown>;
export interface Operation extends Json {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
}
export interface Document extends Json {
  paths?: Record<string, Record<string, Operation>>;
  components?: Record<string, Record<string, Json>>;
  tags?: { name: string; description?: string }[];
  servers?: { url: string; description?: string }[];
  webhooks?: Record<string, Record<string, Operation>>;
}

/** What a route map says of one operation, keyed `"<METHOD> <path>"` (e.g. `"POST /v1/orders"`). */
export interface OperationInfo {
  operationId: string;
  description: string;
  /** Statuses besides the derived ones, each with what it means on this route. */
  errors?: Record<number, string>;
}

/** The 502 of a route that calls a provider. */
export const PROVIDER_FAILED = 'The provider failed or refused; `detail` carries its own error code and message, and nothing was created';

export interface FinishOptions {
  servers: { url: string; description?: string }[];
  tags: Record<string, string>;
  operations: Record<string, OperationInfo>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

// ---- Shared components ----------------------------------------------------------------------------

const header = (description: string, schema: Json) => ({ description, schema });
const HEADERS: Record<string, Json> = {
  RequestId: header('This request’s id (echoes a valid incoming `x-request-id`); it is on every log line of the request', {
    type: 'string',
  }),
  RetryAfter: header('Seconds to wait before retrying', { type: 'integer', minimum: 1 }),
  IdempotentReplayed: header('`true` when this is the stored answer to an earlier request with the same Idempotency-Key', {
    type: 'string',
    enum: ['true'],
  }),
  ETag: header('Entity tag of this rendering; send it as `If-None-Match` to get 304', { type: 'string' }),
  CacheControl: header('How long caches may keep the response', { type: 'string' }),
};
const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

const IDEMPOTENCY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes the POST safe to retry: the same key with the same body within 24 h answers the first (successful) response again ' +
    '(with `Idempotent-Replayed: true`) and creates nothing new; the same key with another body is 409 `idempotency_conflict`. ' +
    'An error answer frees the key.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
};

// ---- Which errors a route can answer --------------------------------------------------------------

type RouteKind = 'merchant' | 'admin' | 'public';

function kindOf(op: Operation): RouteKind {
  const schemes = (op.security ?? []).flatMap((requirement) => Object.keys(requirement));
  if (schemes.includes('adminToken')) return 'admin';
  return schemes.includes('apiKey') ? 'merchant' : 'public';
}

/** Public routes behind the per-IP limit (src/app.ts). */
const PUBLIC_LIMITED = /^\/(v1\/qr\/|pay\/|qr\/|qr\.)/;

export const isMerchantPostOperation = (method: string, path: string, op: Operation) =>
  method === 'post' && kindOf(op) === 'merchant' && path.startsWith('/v1/');

const hasQuery = (op: Operation) => (op.parameters ?? []).some((p) => p.in === 'query');
const hasPathParams = (path: string) => path.includes('{');

/** The errors the app's middleware and validation can answer on this operation, with a generic meaning. */
export function derivedErrors(method: string, path: string, op: Operation): Record<number, string> {
  const kind = kindOf(op);
  const write = ['post', 'put', 'patch'].includes(method) && path.startsWith('/v1/');
  const merchantPost = isMerchantPostOperation(method, path, op);
  const errors: Record<number, string> = {};
  if (write) errors[400] = 'The body is not valid JSON';
  if (kind === 'merchant') errors[401] = 'Missing, malformed, unknown or revoked API key';
  if (kind === 'admin') errors[401] = 'Missing or wrong admin token';
  if (hasPathParams(path)) errors[404] = 'Not found (an id of another merchant is not found either)';
  if (merchantPost) errors[409] = 'The Idempotency-Key was used with another request (`idempotency_conflict`) or is still in use';
  if (write) errors[413] = 'The body is over 64 KiB';
  if (write) errors[415] = 'The body is not `application/json`';
  if (write || hasQuery(op) || merchantPost || op.requestBody) {
    errors[422] = 'Validation failed: `errors[]` names each invalid field';
  }
  if (kind === 'merchant' || PUBLIC_LIMITED.test(path)) errors[429] = 'Too many requests; retry after `Retry-After` seconds';
  errors[500] = 'Internal error';
  errors[503] = 'The service is misconfigured (a missing or malformed `SECRETS_KEY` or `ADMIN_TOKEN`); `detail` names the variable';
  return errors;
}

// ---- Naming -----------------------------------------------------------------------------------------

const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');

/** `POST /v1/provider-accounts/{id}/reconcile` → `postProviderAccountsByIdReconcile`: for routes no map names yet. */
export function derivedOperationId(method: string, path: string): string {
  const parts = path
    .split('/')
    .filter((segment) => segment && segment !== 'v1')
    .map((segment) => (segment.startsWith('{') ? `By${pascal(segment)}` : pascal(segment)));
  return `${method}${parts.join('')}`;
}

// ---- Schema fixes -------------------------------------------------------------------------------------

const ANNOTATIONS = new Set(['description', 'example', 'examples', 'title', 'deprecated', 'readOnly', 'writeOnly', 'default']);
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One schema node, rewritten where generators misread it:
 * - `allOf: [{$ref}, {type: [..., "null"]}]` (zod's nullable named schema) → `anyOf: [{$ref}, {type: "null"}]`;
 * - `allOf: [{$ref}, {description…}]` → `{$ref, description…}` (3.1 allows siblings of `$ref`);
 * - a string property named `…At` (the contract's times: createdAt, expiresAt, …) → `format: date-time`.
 */
function fixSchema(node: Json): Json {
  const allOf = node.allOf;
  if (Array.isArray(allOf) && allOf.length === 2 && isObject(allOf[0]) && typeof allOf[0].$ref === 'string' && isObject(allOf[1])) {
    const [target, extra] = allOf as [Json, Json];
    const rest = Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'allOf'));
    const type = extra.type;
    const onlyNull =
      Array.isArray(type) && type.includes('null') && Object.keys(extra).every((key) => key === 'type' || ANNOTATIONS.has(key));
    if (onlyNull) {
      const annotations = Object.fromEntries(Object.entries(extra).filter(([key]) => key !== 'type'));
      return { ...rest, ...annotations, anyOf: [target, { type: 'null' }] };
    }
    if (Object.keys(extra).every((key) => ANNOTATIONS.has(key))) return { ...rest, ...extra, ...target };
  }
  const properties = node.properties;
  if (isObject(properties)) {
    for (const [name, property] of Object.entries(properties)) {
      if (/[a-z]At$/.test(name) && isObject(property) && isStringish(property) && property.format === undefined) {
        property.format = 'date-time';
      }
    }
  }
  return node;
}

const isStringish = (schema: Json) =>
  schema.type === 'string' ||
  (Array.isArray(schema.type) && schema.type.includes('string') && schema.type.every((t) => t === 'string' || t === 'null'));

/** Applies `fix` to every object below `value`, children first. */
function rewrite(value: unknown, fix: (node: Json) => Json): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, fix));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) out[key] = rewrite(child, fix);
  return fix(out);
}

/** Names of component schemas that a request body refers to directly, and that no response uses. */
function requestOnlySchemas(doc: Document): Set<string> {
  const inRequests = new Set<string>();
  const elsewhere = new Set<string>();
  const collect = (value: unknown, into: Set<string>) => {
    if (Array.isArray(value)) for (const item of value) collect(item, into);
    else if (isObject(value)) {
      if (typeof value.$ref === 'string') into.add(value.$ref.replace('#/components/schemas/', ''));
      for (const child of Object.values(value)) collect(child, into);
    }
  };
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item)) {
      collect(op.requestBody, inRequests);
      collect(op.responses, elsewhere);
    }
  }
  collect(doc.webhooks, elsewhere);
  // A schema referenced by a response schema counts as a response schema.
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) if (elsewhere.has(name)) collect(schema, elsewhere);
  return new Set([...inRequests].filter((name) => !elsewhere.has(name)));
}

/**
 * A request field with a default is optional for the client, but generators (openapi-typescript's
 * default `defaultNonNullable`) make any property with a `default` required. In request-only schemas the
 * default is therefore stated in the description instead.
 */
function moveRequestDefaults(doc: Document) {
  const schemas = doc.components?.schemas ?? {};
  for (const name of requestOnlySchemas(doc)) {
    const properties = schemas[name]?.properties;
    if (!isObject(properties)) continue;
    for (const property of Object.values(properties)) {
      if (!isObject(property) || !('default' in property)) continue;
      const note = `Default: ${JSON.stringify(property.default)}.`;
      property.description = property.description ? `${property.description}. ${note}` : note;
      delete property.default;
    }
  }
}

// ---- Responses --------------------------------------------------------------------------------------

const problemContent = { 'application/problem+json': { schema: ref('schemas', 'Problem') } };

function addError(op: Operation, status: number, description: string) {
  const existing = op.responses[String(status)];
  op.responses[String(status)] = {
    ...existing,
    description: (existing?.description as string | undefined) ?? description,
    content: problemContent,
  };
}

function addHeader(response: Json, name: string, component: string) {
  response.headers = { ...(response.headers as Json | undefined), [name]: ref('headers', component) };
}

function finishOperation(method: string, path: string, op: Operation, info: OperationInfo | undefined) {
  op.operationId = info?.operationId ?? op.operationId ?? derivedOperationId(method, path);
  op.description = info?.description ?? op.description ?? op.summary;
  op.security ??= [];
  const merchantPost = isMerchantPostOperation(method, path, op);
  if (merchantPost && !(op.parameters ?? []).some((p) => p.$ref === ref('parameters', 'IdempotencyKey').$ref)) {
    op.parameters = [...(op.parameters ?? []), ref('parameters', 'IdempotencyKey')];
  }
  const errors = { ...derivedErrors(method, path, op), ...info?.errors };
  for (const [status, description] of Object.entries(errors)) addError(op, Number(status), description);
  // An error a route declares itself (e.g. a 409 with only a description) is a problem like every other.
  for (const [status, response] of Object.entries(op.responses)) {
    if (Number(status) >= 400 && !response.content) addError(op, Number(status), String(response.description ?? status));
  }

  for (const [status, response] of Object.entries(op.responses)) {
    addHeader(response, 'x-request-id', 'RequestId');
    if (status === '429') addHeader(response, 'Retry-After', 'RetryAfter');
    if (merchantPost && status.startsWith('2')) addHeader(response, 'Idempotent-Replayed', 'IdempotentReplayed');
    const content = response.content as Json | undefined;
    const image = content && Object.keys(content).some((type) => type.startsWith('image/'));
    if ((image || status === '304') && method === 'get') {
      addHeader(response, 'ETag', 'ETag');
      addHeader(response, 'Cache-Control', 'CacheControl');
    }
  }
  // Statuses in order, as readers expect.
  op.responses = Object.fromEntries(Object.entries(op.responses).sort(([a], [b]) => a.localeCompare(b)));
}

/** Everything derived, on a document the generator produced (mutated and returned). */
export function finishDocument(generated: Document, options: FinishOptions): Document {
  const doc = rewrite(generated, fixSchema) as Document;
  moveRequestDefaults(doc);
  doc.servers = options.servers;
  doc.components = {
    ...doc.components,
    parameters: { ...doc.components?.parameters, IdempotencyKey: IDEMPOTENCY_PARAMETER },
    headers: { ...doc.components?.headers, ...HEADERS },
  };
  const used = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      finishOperation(method, path, op, options.operations[`${method.toUpperCase()} ${path}`]);
      for (const tag of op.tags ?? []) used.add(tag);
    }
  }
  for (const item of Object.values(doc.webhooks ?? {}))
    for (const op of Object.values(item)) for (const tag of op.tags ?? []) used.add(tag);
  // Declared tags: the map's, in its order, then any a new route uses that the map does not describe yet.
  const names = [...Object.keys(options.tags).filter((name) => used.has(name)), ...[...used].filter((name) => !(name in options.tags))];
  doc.tags = names.map((name) => ({ name, description: options.tags[name] ?? name }));
  return doc;
}
