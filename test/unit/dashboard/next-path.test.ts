import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNext, signInPath } from '../../../src/dashboard/next-path';

describe('safeNext: where a sign-in returns to', () => {
  it('keeps dashboard paths with their query', () => {
    expect(safeNext('/dashboard/orders/ord_1?x=1')).toBe('/dashboard/orders/ord_1?x=1');
    expect(safeNext('/dashboard')).toBe('/dashboard');
  });

  it('never leaves the dashboard, and never loops back to sign-in', () => {
    for (const bad of [
      undefined,
      '',
      'https://evil.example/dashboard',
      '//evil.example/dashboard',
      '/dashboard\\@evil.example',
      '/\\evil.example',
      '/dashboardx',
      '/dashboard/../admin',
      '/dashboard/sign-in?next=/dashboard',
      '/dashboard/link/abc',
      '/dashboard\u0000',
      'javascript:alert(1)',
    ]) {
      expect(safeNext(bad), String(bad)).toBe('/dashboard');
    }
  });

  it('for any text, answers a path that stays on this origin under /dashboard', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.string().map((s) => `/dashboard${s}`),
        ),
        (text) => {
          const next = safeNext(text);
          const url = new URL(next, 'https://router.test');
          expect(url.origin).toBe('https://router.test');
          expect(url.pathname.startsWith('/dashboard')).toBe(true);
          expect(next.startsWith('/dashboard')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('builds the sign-in URL that comes back, flagging an expired session', () => {
    expect(signInPath('/dashboard')).toBe('/dashboard/sign-in');
    expect(signInPath('/dashboard/orders?status=paid', true)).toBe(
      '/dashboard/sign-in?next=%2Fdashboard%2Forders%3Fstatus%3Dpaid&expired=1',
    );
  });
});
