import { problemResponse } from '../../lib/problem';
import type { CallbackError } from './errors';

/** `200 {"success":true}`: what most providers take as "received". */
export const successTrue = () => Response.json({ success: true });

/** Providers without an error format of their own get the API's problem+json. */
export const problemFailure = (error: CallbackError) => problemResponse(error.status, error.detail);
