import { ipv4Category, ipv6Category, parseIPv4, parseIPv6 } from './ip';

export type UrlCheck = { ok: true } | { ok: false; reason: string };

// Names that never resolve to a public host. Workers' fetch cannot reach private networks anyway;
// this policy catches what is visible in the URL so that a merchant learns at once, with a 422.
const INTERNAL_SUFFIXES = ['localhost', 'local', 'internal', 'localdomain', 'arpa'];
// Cloud metadata services: never a webhook receiver, not even in development.
const METADATA_HOSTS = ['169.254.169.254', 'metadata.google.internal', 'metadata', '100.100.100.200', '[fd00:ec2::254]'];

const rejected = (reason: string): UrlCheck => ({ ok: false, reason });

/** Where a merchant endpoint may point: https to a public host name, or anything http(s) when `allowPrivate`. */
export function checkEndpointUrl(raw: string, allowPrivate: boolean): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return rejected('must be an absolute URL');
  }
  const schemes = allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) return rejected(allowPrivate ? 'must be an http or https URL' : 'must be an https URL');
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!host) return rejected('must have a host');
  if (METADATA_HOSTS.includes(host)) return rejected('must not point at a cloud metadata service');
  if (allowPrivate) return { ok: true };
  const ipKind = ipLiteralKind(host);
  if (ipKind) return rejected(`must use a host name, not an IP address (${ipKind})`);
  const suffix = INTERNAL_SUFFIXES.find((s) => host === s || host.endsWith(`.${s}`));
  if (suffix) return rejected(`must be a public host (.${suffix} is internal)`);
  if (!host.includes('.')) return rejected('must be a public host name with a domain');
  return { ok: true };
}

/** The range of an IP-literal host ('public' included), or null for a host name. */
function ipLiteralKind(host: string): string | null {
  if (host.startsWith('[') || host.includes(':')) {
    const groups = parseIPv6(host);
    return groups ? ipv6Category(groups) : 'invalid';
  }
  // WHATWG URL treats a host whose last label is a number as IPv4 (2130706433, 0x7f.1, 0177.0.0.1).
  const last = host.split('.').pop() ?? '';
  if (!/^(0x[0-9a-f]*|\d+)$/i.test(last)) return null;
  const ip = parseIPv4(host);
  return ip === null ? 'invalid' : ipv4Category(ip);
}
