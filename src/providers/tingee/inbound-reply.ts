import type { CallbackError } from '../inbound/errors';

/** Tingee's envelope (PROVIDERS.md C): `code` "00" is success, anything else an error. */
export const tingeeSuccess = () => Response.json({ code: '00', message: 'OK' });

export const tingeeFailure = (error: CallbackError) => Response.json({ code: error.code, message: error.detail }, { status: error.status });
