/** RFC 9457 problem details: the one error shape of the API. */
export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
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

/** Thrown anywhere in request handling; the app's one error handler renders it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }
}

export function problemBody(status: number, detail: string, errors?: FieldError[]): Problem {
  const title = TITLES[status] ?? 'Error';
  const type = `https://vietqr-router.dev/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return errors?.length ? { type, title, status, detail, errors } : { type, title, status, detail };
}

export function problemResponse(status: number, detail: string, errors?: FieldError[], headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(problemBody(status, detail, errors)), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

export const badRequest = (detail: string) => new HttpError(400, detail);
export const unauthorized = (detail = 'Missing or invalid credentials') => new HttpError(401, detail);
export const forbidden = (detail: string) => new HttpError(403, detail);
export const notFound = (detail = 'Not found') => new HttpError(404, detail);
export const conflict = (detail: string) => new HttpError(409, detail);
export const unprocessable = (detail: string, errors?: FieldError[]) => new HttpError(422, detail, errors);
