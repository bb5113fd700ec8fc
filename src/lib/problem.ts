/** RFC 9457 problem details: the one error shape of the API. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * Members a problem carries besides the RFC's: `code` (machine-readable, stable; clients branch on it,
 * never on `detail`) and, where one is meant, the id of the existing object (`orderId` on a duplicate reference).
 */
export interface ProblemExtensions {
  code?: string;
  orderId?: string;
}

export interface Problem extends ProblemExtensions {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** The code of a problem that names no more specific one: one per status. */
export const DEFAULT_CODES: Record<number, string> = {
  400: 'malformed_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'body_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'provider_error',
  503: 'service_misconfigured',
};

/** The specific codes the API answers with, besides the defaults (documented in the OpenAPI Problem schema). */
export const SPECIFIC_CODES = {
  duplicate_reference: 'POST /v1/orders: an order with this reference exists; `orderId` names it',
  idempotency_conflict: 'The Idempotency-Key was used with a different request',
  idempotency_in_progress: 'A request with this Idempotency-Key is still running; retry later',
  order_not_open: 'The order is already paid, expired or canceled',
  live_mode: 'The sandbox is for test-mode merchants only',
} as const;

/** Thrown anywhere in request handling; the app's one error handler renders it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    readonly extensions?: ProblemExtensions,
  ) {
    super(detail);
  }
}

export function problemBody(status: number, detail: string, errors?: FieldError[], extensions: ProblemExtensions = {}): Problem {
  const title = TITLES[status] ?? 'Error';
  const type = `https://vietqr-router.dev/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  const code = extensions.code ?? DEFAULT_CODES[status] ?? (status >= 500 ? 'internal_error' : 'error');
  const body: Problem = { type, title, status, detail, ...extensions, code };
  if (errors?.length) body.errors = errors;
  return body;
}

export function problemResponse(
  status: number,
  detail: string,
  errors?: FieldError[],
  headers?: Record<string, string>,
  extensions?: ProblemExtensions,
): Response {
  return new Response(JSON.stringify(problemBody(status, detail, errors, extensions)), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

export const unauthorized = (detail = 'Missing or invalid credentials') => new HttpError(401, detail);
export const forbidden = (detail: string, extensions?: ProblemExtensions) => new HttpError(403, detail, undefined, undefined, extensions);
export const notFound = (detail = 'Not found') => new HttpError(404, detail);
export const conflict = (detail: string, extensions?: ProblemExtensions) => new HttpError(409, detail, undefined, undefined, extensions);
export const unprocessable = (detail: string, errors?: FieldError[]) => new HttpError(422, detail, errors);
/** Input that parsed but breaks its schema or a rule (the body unless told): 422 with the fields in errors[]. */
export const invalidInput = (errors: FieldError[], what = 'The request body') =>
  unprocessable(`${what} failed validation: see errors`, errors);
