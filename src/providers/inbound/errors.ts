import { HttpError } from '../../lib/problem';

/**
 * A refused callback: the status the contract asks for, plus a short machine code for providers
 * whose error answers carry one.
 */
export class CallbackError extends HttpError {
  constructor(
    status: number,
    readonly code: string,
    detail: string,
    headers?: Record<string, string>,
  ) {
    super(status, detail, undefined, headers);
  }
}

/** Missing, malformed, wrong or stale credentials: 401, nothing stored. */
export const rejectAuth = (code: string, detail: string) => new CallbackError(401, code, detail);

/** Authentic but unusable body: 400, nothing stored. */
export const rejectBody = (detail: string) => new CallbackError(400, 'INVALID_BODY', detail);
