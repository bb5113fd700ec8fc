import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipv4Category, ipv6Category, parseIPv4, parseIPv6 } from '../../../src/lib/ip';
import { checkEndpointUrl } from '../../../src/lib/url-policy';

const strict = (url: string) => checkEndpointUrl(url, false);
const dev = (url: string) => checkEndpointUrl(url, true);

describe('checkEndpointUrl (production)', () => {
  it('accepts https to a public host name, with port, path and query', () => {
    for (const url of [
      'https://shop.example.com/hooks',
      'https://api.shop.vn:8443/webhooks/vietqr?x=1',
      'https://xn--bcher-kva.example/',
    ]) {
      expect(strict(url)).toEqual({ ok: true });
    }
  });

  it('rejects what is not an https URL', () => {
    for (const url of [
      'not a url',
      '/relative/path',
      'http://shop.example.com/hook',
      'ftp://example.com/hook',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ws://example.com/',
    ]) {
      expect(strict(url).ok, url).toBe(false);
    }
  });

  it('rejects IPv4 literals in every notation', () => {
    const forms = [
      'https://127.0.0.1/',
      'https://8.8.8.8/', // public, but still an IP literal
      'https://2130706433/', // decimal
      'https://0x7f000001/', // hex
      'https://0x7f.0.0.1/',
      'https://0177.0.0.1/', // octal
      'https://017700000001/',
      'https://127.1/',
      'https://10.1/',
      'https://0/',
      'https://169.254.169.254/latest/meta-data/',
      'https://192.168.1.1./',
    ];
    for (const url of forms) expect(strict(url).ok, url).toBe(false);
  });

  it('rejects IPv6 literals, including IPv4-mapped ones', () => {
    for (const url of [
      'https://[::1]/',
      'https://[::]/',
      'https://[::ffff:127.0.0.1]/',
      'https://[::ffff:7f00:1]/',
      'https://[fe80::1]/',
      'https://[fc00::1]/',
      'https://[fd12:3456::1]/',
      'https://[ff02::1]/',
      'https://[2606:4700::1111]/',
      'https://[64:ff9b::a00:1]/',
    ]) {
      expect(strict(url).ok, url).toBe(false);
    }
  });

  it('rejects internal host names', () => {
    for (const url of [
      'https://localhost/',
      'https://LOCALHOST./',
      'https://api.localhost/',
      'https://printer.local/',
      'https://db.internal/',
      'https://metadata.google.internal/',
      'https://router.localdomain/',
      'https://nas.home.arpa/',
      'https://intranet/',
    ]) {
      expect(strict(url).ok, url).toBe(false);
    }
  });

  it('says why', () => {
    expect(strict('http://shop.example.com/')).toEqual({ ok: false, reason: 'must be an https URL' });
    expect(strict('https://10.0.0.1/')).toEqual({ ok: false, reason: 'must use a host name, not an IP address (private)' });
    expect(strict('https://[::ffff:169.254.1.1]/')).toEqual({ ok: false, reason: 'must use a host name, not an IP address (link-local)' });
    expect(strict('https://169.254.169.254/')).toEqual({ ok: false, reason: 'must not point at a cloud metadata service' });
  });

  it('rejects every IPv4 address, whatever its notation (property)', () => {
    const notations = [
      (n: number) => String(n),
      (n: number) => `0x${n.toString(16)}`,
      (n: number) => `0${n.toString(8)}`,
      (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'),
      (n: number) => [n >>> 24, (n >>> 16) & 255, n & 65535].join('.'),
      (n: number) => [n >>> 24, n & 0xffffff].join('.'),
      (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].map((b) => `0x${b.toString(16)}`).join('.'),
    ];
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 32 - 1 }), fc.constantFrom(...notations), (n, notation) => {
        expect(strict(`https://${notation(n)}/hook`).ok).toBe(false);
      }),
    );
  });

  it('rejects every IPv6 address (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffff }), { minLength: 8, maxLength: 8 }), (groups) => {
        expect(strict(`https://[${groups.map((g) => g.toString(16)).join(':')}]/`).ok).toBe(false);
      }),
    );
  });

  it('accepts https to any ordinary DNS name (property)', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'vn', 'io', 'dev', 'net'), (labels, tld) => {
        expect(strict(`https://${[...labels, tld].join('.')}/webhook`)).toEqual({ ok: true });
      }),
    );
  });
});

describe('checkEndpointUrl (ALLOW_PRIVATE_ENDPOINTS)', () => {
  it('allows http, loopback, private and IP-literal hosts', () => {
    for (const url of [
      'http://127.0.0.1:8787/webhook',
      'http://localhost:3000/',
      'https://10.0.0.5/',
      'http://[::1]:9000/',
      'http://intranet/',
    ]) {
      expect(dev(url), url).toEqual({ ok: true });
    }
  });

  it('still rejects other schemes, garbage and cloud metadata', () => {
    for (const url of ['ftp://127.0.0.1/', 'not a url', 'http://169.254.169.254/', 'http://metadata.google.internal/']) {
      expect(dev(url).ok, url).toBe(false);
    }
  });
});

describe('IP parsing and ranges', () => {
  const v4 = (text: string) => ipv4Category(parseIPv4(text)!);

  it('parses IPv4 like WHATWG URL does', () => {
    expect(parseIPv4('127.0.0.1')).toBe(0x7f000001);
    expect(parseIPv4('2130706433')).toBe(0x7f000001);
    expect(parseIPv4('0x7f.1')).toBe(0x7f000001);
    expect(parseIPv4('0177.0.0.01')).toBe(0x7f000001);
    expect(parseIPv4('1.2.3.256')).toBeNull();
    expect(parseIPv4('1.2.3.4.5')).toBeNull();
    expect(parseIPv4('4294967296')).toBeNull();
    expect(parseIPv4('08.1.1.1')).toBeNull();
    expect(parseIPv4('example.com')).toBeNull();
  });

  it('agrees with the URL parser on every IPv4 notation (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 32 - 1 }), (n) => {
        for (const text of [String(n), `0x${n.toString(16)}`, `0${n.toString(8)}`]) {
          const canonical = new URL(`https://${text}/`).hostname;
          expect(parseIPv4(text)).toBe(parseIPv4(canonical));
          expect(parseIPv4(text)).toBe(n);
        }
      }),
    );
  });

  it('knows the special-purpose IPv4 ranges', () => {
    expect(v4('0.1.2.3')).toBe('this-network');
    expect(v4('10.255.0.1')).toBe('private');
    expect(v4('172.16.0.1')).toBe('private');
    expect(v4('172.31.255.255')).toBe('private');
    expect(v4('172.32.0.1')).toBe('public');
    expect(v4('192.168.0.1')).toBe('private');
    expect(v4('100.64.0.1')).toBe('carrier-grade NAT');
    expect(v4('100.127.255.255')).toBe('carrier-grade NAT');
    expect(v4('100.128.0.1')).toBe('public');
    expect(v4('127.8.8.8')).toBe('loopback');
    expect(v4('169.254.169.254')).toBe('link-local');
    expect(v4('224.0.0.251')).toBe('multicast');
    expect(v4('255.255.255.255')).toBe('reserved');
    expect(v4('198.18.0.1')).toBe('benchmarking');
    expect(v4('8.8.8.8')).toBe('public');
  });

  it('parses IPv6 with compression and a dotted tail', () => {
    expect(parseIPv6('[::1]')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIPv6('::ffff:10.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0a00, 1]);
    expect(parseIPv6('1:2:3:4:5:6:7.8.9.10')).toEqual([1, 2, 3, 4, 5, 6, 0x0708, 0x090a]);
    expect(parseIPv6('fe80::1%eth0')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('1::2::3')).toBeNull();
    expect(parseIPv6('1:2:3:4:5:6:7')).toBeNull();
    expect(parseIPv6('12345::')).toBeNull();
  });

  it('round-trips through the URL parser (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffff }), { minLength: 8, maxLength: 8 }), (groups) => {
        const canonical = new URL(`https://[${groups.map((g) => g.toString(16)).join(':')}]/`).hostname;
        expect(parseIPv6(canonical)).toEqual(groups);
      }),
    );
  });

  it('knows the special-purpose IPv6 ranges, IPv4-mapped by their IPv4', () => {
    const v6 = (text: string) => ipv6Category(parseIPv6(text)!);
    expect(v6('::1')).toBe('loopback');
    expect(v6('::')).toBe('unspecified');
    expect(v6('::ffff:127.0.0.1')).toBe('loopback');
    expect(v6('::ffff:c0a8:101')).toBe('private');
    expect(v6('::ffff:8.8.8.8')).toBe('public');
    expect(v6('64:ff9b::10.0.0.1')).toBe('private');
    expect(v6('2002:a9fe:a9fe::')).toBe('link-local');
    expect(v6('fd00::1')).toBe('private');
    expect(v6('fe80::abcd')).toBe('link-local');
    expect(v6('ff02::1')).toBe('multicast');
    expect(v6('2001:db8::1')).toBe('documentation');
    expect(v6('2606:4700:4700::1111')).toBe('public');
  });
});
