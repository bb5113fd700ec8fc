import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transactionId, vnd } from '../../../src/providers/inbound/values';
import {
  formatVnCompact,
  formatVnDateTime,
  parseEpochMs,
  parseVnCompact,
  parseVnDateTime,
  parseZonedIso,
} from '../../../src/providers/inbound/vn-time';
import { vectors, vnCompact, vnDateTime } from '../../fixtures/inbound-reference';

const dates = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });

describe('Vietnam time', () => {
  it("reads providers' local times as UTC+7", () => {
    expect(parseVnDateTime('2024-10-03 15:06:37')?.toISOString()).toBe('2024-10-03T08:06:37.000Z');
    expect(parseVnDateTime('2024-01-01 03:00:00')?.toISOString()).toBe('2023-12-31T20:00:00.000Z');
    expect(parseVnCompact('20250509154004')?.toISOString()).toBe('2025-05-09T08:40:04.000Z');
    expect(parseVnCompact('20250509154004123')?.toISOString()).toBe('2025-05-09T08:40:04.123Z');
    expect(parseZonedIso('2023-12-05T16:25:00+07:00')?.toISOString()).toBe('2023-12-05T09:25:00.000Z');
    expect(parseEpochMs(vectors.vietqr_transaction_sync.body.transactiontime)?.toISOString()).toBe('2026-01-08T03:56:00.000Z');
  });

  it('refuses impossible or zone-less times', () => {
    for (const bad of ['2024-02-30 10:00:00', '2024-13-01 10:00:00', '2024-01-01 24:00:00', '2024-01-01', '', 'yesterday']) {
      expect(parseVnDateTime(bad), bad).toBeNull();
    }
    expect(parseVnCompact('20240230100000')).toBeNull();
    expect(parseZonedIso('2023-12-05T16:25:00')).toBeNull();
    expect(parseEpochMs(-1)).toBeNull();
  });

  it('formats and parses back any instant (second precision), agreeing with Intl', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const seconds = new Date(Math.floor(date.getTime() / 1000) * 1000);
        expect(formatVnDateTime(date)).toBe(vnDateTime(date));
        expect(formatVnCompact(date)).toBe(vnCompact(date));
        expect(parseVnDateTime(formatVnDateTime(date))?.getTime()).toBe(seconds.getTime());
        expect(parseVnCompact(formatVnCompact(date))?.getTime()).toBe(date.getTime());
      }),
    );
  });
});

describe('field values', () => {
  it('keeps numeric transaction ids as decimal strings', () => {
    expect(transactionId(218897)).toBe('218897');
    expect(transactionId(0)).toBe('0');
    expect(transactionId('FT123')).toBe('FT123');
    for (const bad of ['', '  ', -1, 1.5, 2 ** 60, null, undefined, {}]) expect(transactionId(bad)).toBeNull();
  });

  it('reads integer VND, refusing fractions', () => {
    expect(vnd(JSON.parse('25000.0'))).toBe(25000);
    expect(vnd('25000')).toBe(25000);
    expect(vnd('25000.00')).toBe(25000);
    expect(vnd(-16775000)).toBe(-16775000);
    for (const bad of [25000.5, '25000.5', '1e5', '', null, Number.NaN, Number.POSITIVE_INFINITY]) expect(vnd(bad)).toBeNull();
  });
});
