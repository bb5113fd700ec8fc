import type { CallbackError } from '../inbound/errors';
import { CALLBACK_TOKEN_TTL_SECONDS } from './callback-token';

// VietQR judges a sync only by "2xx and object.reftransactionid present" (PROVIDERS.md B5).

export const syncSuccess = (reftransactionid: string) =>
  Response.json({ error: false, errorReason: null, toastMessage: '', object: { reftransactionid } });

export const syncFailure = (error: CallbackError) =>
  Response.json({ error: true, errorReason: error.code, toastMessage: error.detail, object: null }, { status: error.status });

export const tokenSuccess = (accessToken: string) =>
  Response.json({ access_token: accessToken, token_type: 'Bearer', expires_in: CALLBACK_TOKEN_TTL_SECONDS });

/** The shape VietQR's own token API answers errors with. */
export const tokenFailure = (error: CallbackError) => Response.json({ status: 'FAILED', message: error.code }, { status: error.status });
