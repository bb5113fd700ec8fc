import { ProviderError } from './errors';

/**
 * The provider asked us to slow down in its own words (Tingee code `1001`): reconciliation backs off
 * for `retryAfterMs` (when the provider named no time, the caller's default). HTTP 429 needs no such
 * error: it arrives as a ProviderRejection with status 429 and a Retry-After header.
 */
export class RateLimited extends ProviderError {
  constructor(
    provider: string,
    code: string,
    providerMessage: string,
    readonly retryAfterMs: number | null,
  ) {
    super(provider, code, providerMessage);
  }
}
