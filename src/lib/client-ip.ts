/**
 * The client's address as Cloudflare's edge reports it, or null outside the edge (unit tests, a bare
 * workerd) where nobody vouches for it. IPv6 clients are grouped by their /64: one host usually holds a
 * whole /64, so counting single addresses would let it rotate past any limit.
 */
export function clientIpBucket(headers: Headers): string | null {
  const ip = headers.get('cf-connecting-ip')?.trim().toLowerCase();
  if (!ip) return null;
  if (!ip.includes(':')) return ip;
  if (ip.includes('.')) return ip.slice(ip.lastIndexOf(':') + 1); // IPv4-mapped IPv6
  const [head = '', tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
