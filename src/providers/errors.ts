import { HttpError } from '../lib/problem';

/** A provider API refused or failed: 502 with the provider's own code and message in `detail`. */
export class ProviderError extends HttpError {
  constructor(
    readonly provider: string,
    readonly code: string,
    readonly providerMessage: string,
  ) {
    super(502, `${provider} error ${code}: ${providerMessage}`);
  }
}
