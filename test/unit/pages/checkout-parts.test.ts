import { describe, expect, it } from 'vitest';
import { BANK_APPS, deepLink } from '../../../src/pages/bank-apps';
import { qrFileName } from '../../../src/pages/checkout-page';
import { pageHeaders } from '../../../src/pages/page-headers';

describe('deepLink (dl.vietqr.io, as www.vietqr.io/deeplink documents it)', () => {
  it('names the app, amount, content, account@bank in lower case, account name and the return URL', () => {
    const link = deepLink(BANK_APPS[0]!, {
      amount: 60_000,
      content: 'QR7K3M9XT',
      accountNumber: '1017595600',
      bankCode: 'VCB',
      accountName: 'CONG TY A&B',
      returnUrl: 'https://pay.example/pay/ord_1',
    });
    expect(link).toBe(
      'https://dl.vietqr.io/pay?app=mb&am=60000&tn=QR7K3M9XT&ba=1017595600@vcb&bn=CONG%20TY%20A%26B&url=https://pay.example/pay/ord_1',
    );
    expect(new URL(link).searchParams.get('bn')).toBe('CONG TY A&B');
  });

  it('lists only apps the service documents as filling the transfer in', () => {
    expect(BANK_APPS.map((app) => app.id)).toEqual(['mb', 'icb', 'bidv', 'acb', 'ocb']);
  });
});

describe('qrFileName', () => {
  it('carries the order reference, minus what a file system refuses', () => {
    expect(qrFileName('INV-1001')).toBe('QR-INV-1001.png');
    expect(qrFileName('shop:2026.11/7')).toBe('QR-shop-2026.11-7.png');
  });
});

describe('pageHeaders', () => {
  it('frames nowhere by default, only the listed https origins otherwise, and never anything else', () => {
    expect(pageHeaders('n')['content-security-policy']).toContain("frame-ancestors 'none'");
    const csp = pageHeaders('n', ['https://shop.example', 'https://a.example:8443', "https://x.example; script-src 'unsafe-inline'"])[
      'content-security-policy'
    ]!;
    expect(csp).toMatch(/frame-ancestors https:\/\/shop\.example https:\/\/a\.example:8443$/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("img-src 'self' data:");
  });
});
