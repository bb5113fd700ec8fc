// IP literal parsing and classification for the endpoint URL policy (SSRF).

/** Parses an IPv4 host the way WHATWG URL does: 1–4 parts, each decimal, 0x-hex or 0-octal. */
export function parseIPv4(host: string): number | null {
  const parts = host.split('.');
  if (parts.length > 4 || parts.some((part) => part === '')) return null;
  const numbers = parts.map(parseIPv4Part);
  if (numbers.some((n) => n === null)) return null;
  const values = numbers as number[];
  const last = values.pop()!;
  if (values.some((n) => n > 255) || last >= 256 ** (4 - values.length)) return null;
  return values.reduce((acc, n, i) => acc + n * 256 ** (3 - i), 0) + last;
}

function parseIPv4Part(part: string): number | null {
  if (/^0x[0-9a-f]*$/i.test(part)) return part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
  if (/^0[0-7]+$/.test(part)) return Number.parseInt(part.slice(1), 8);
  if (/^(0|[1-9]\d*)$/.test(part)) return Number(part);
  return null;
}

/** Parses an IPv6 literal (brackets optional) into eight 16-bit groups. */
export function parseIPv6(host: string): number[] | null {
  let text = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  text = text.replace(/%.*$/, ''); // zone id
  if (!text.includes(':')) return null;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const dotted = text.slice(lastColon + 1);
  if (dotted.includes('.')) {
    // A trailing dotted quad (::ffff:10.0.0.1) stands for the last two groups.
    const n = parseDottedQuad(dotted);
    if (n === null) return null;
    tail.push(Math.floor(n / 65536), n % 65536);
    text = text.slice(0, lastColon + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const toGroups = (s: string) =>
    s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? Number.parseInt(g, 16) : Number.NaN));
  const head = toGroups(halves[0]!);
  const rest = halves.length === 2 ? toGroups(halves[1]!) : [];
  const known = head.length + rest.length + tail.length;
  if ([...head, ...rest].some(Number.isNaN)) return null;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  return [...head, ...new Array(8 - known).fill(0), ...rest, ...tail];
}

function parseDottedQuad(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255)) return null;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

const V4_RANGES: [string, number, string][] = [
  ['0.0.0.0', 8, 'this-network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const inV4Range = (ip: number, base: string, bits: number) =>
  Math.floor(ip / 2 ** (32 - bits)) === Math.floor(parseDottedQuad(base)! / 2 ** (32 - bits));

/** The special-purpose range an IPv4 address (as uint32) is in, or 'public'. */
export function ipv4Category(ip: number): string {
  return V4_RANGES.find(([base, bits]) => inV4Range(ip, base, bits))?.[2] ?? 'public';
}

const embeddedV4 = (g: number[]) => g[6]! * 65536 + g[7]!;

/** The special-purpose range an IPv6 address is in (IPv4-mapped and NAT64 by their IPv4), or 'public'. */
export function ipv6Category(g: number[]): string {
  const zerosUntil = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zerosUntil(8)) return 'unspecified';
  if (zerosUntil(7) && g[7] === 1) return 'loopback';
  if (zerosUntil(5) && g[5] === 0xffff) return ipv4Category(embeddedV4(g)); // ::ffff:a.b.c.d
  if (zerosUntil(6)) return 'reserved'; // deprecated IPv4-compatible ::a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return ipv4Category(embeddedV4(g));
  if (g[0] === 0x2002) return ipv4Category(g[1]! * 65536 + g[2]!); // 6to4 carries an IPv4 address
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'documentation';
  if (g[0] === 0x100 && g.slice(1, 4).every((x) => x === 0)) return 'reserved'; // discard prefix
  if ((g[0]! & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0]! & 0xffc0) === 0xfec0) return 'private'; // site-local, deprecated
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast';
  return 'public';
}
