import { invalidInput } from '../lib/problem';
import { checkEndpointUrl } from '../lib/url-policy';

/**
 * A provider `baseUrl` follows the endpoint URL policy exactly (CONTRACT §3, §5): https to a public host,
 * or with `ALLOW_PRIVATE_ENDPOINTS=true` also http, loopback and private hosts; never a metadata service.
 * Checked on create and on PATCH (422 naming the field), and again at send time (providers/outbound.ts).
 */
export function assertBaseUrlAllowed(env: { ALLOW_PRIVATE_ENDPOINTS?: string }, url: string | null | undefined, path = 'baseUrl'): void {
  if (url === null || url === undefined) return;
  const check = checkEndpointUrl(url, env.ALLOW_PRIVATE_ENDPOINTS === 'true');
  if (!check.ok) throw invalidInput([{ path, message: `baseUrl ${check.reason}` }]);
}
