import { describe, expect, it } from 'vitest';
import { allBanks, bankByBin, resolveBank } from '../../../src/qr/banks';
import { foldDiacritics } from '../../../src/qr/text';

describe('resolveBank', () => {
  it.each([
    ['970436', '970436', 'VCB'],
    ['VCB', '970436', 'VCB'],
    ['vcb', '970436', 'VCB'],
    ['Vietcombank', '970436', 'VCB'],
    ['ICB', '970415', 'ICB'],
    ['CTG', '970415', 'ICB'],
    ['MB', '970422', 'MB'],
    ['MBB', '970422', 'MB'],
    ['mb bank', '970422', 'MB'],
    ['BID', '970418', 'BIDV'],
    ['VBA', '970405', 'VBA'],
    ['AGRIBANK', '970405', 'VBA'],
    ['SHINHAN', '970424', 'SHBVN'],
    ['COB', '970446', 'COOPBANK'],
    ['OCEANBANK', '970414', 'MBV'],
    ['DOB', '970406', 'VIKKI'],
    ['Nam Á Bank', '970428', 'NAB'],
    [' TCB ', '970407', 'TCB'],
    ['971025', '971025', 'MOMO'],
    ['963388', '963388', 'TIMO'],
  ])('%s → %s', (input, bin, shortName) => {
    expect(resolveBank(input)).toMatchObject({ bin, shortName });
  });

  it('gives colliding codes to the bank whose short name they are (BVB is BaoViet, not BanViet)', () => {
    expect(resolveBank('BVB')?.bin).toBe('970438');
    expect(resolveBank('VCCB')?.bin).toBe('970454');
  });

  it.each(['NOPE', '', '970499', '97043', 'VCB1'])('does not resolve %j', (input) => {
    expect(resolveBank(input)).toBeNull();
  });

  it('has one entry per BIN, each a 6-digit BIN with a short name and a name', () => {
    const banks = allBanks();
    expect(new Set(banks.map((b) => b.bin)).size).toBe(banks.length);
    for (const bank of banks) {
      expect(bank.bin).toMatch(/^\d{6}$/);
      expect(bankByBin(bank.bin)).toEqual(bank);
      expect(resolveBank(bank.shortName)).toEqual(bank);
    }
    expect(bankByBin('000000')).toBeNull();
  });
});

describe('foldDiacritics', () => {
  it.each([
    ['Đóng tiền điện', 'Dong tien dien'],
    ['ủng hộ lũ lụt', 'ung ho lu lut'],
    ['THANH TOÁN ĐƠN HÀNG', 'THANH TOAN DON HANG'],
    ['Nguyễn Văn Ước', 'Nguyen Van Uoc'],
    ['plain ASCII 123 #/-', 'plain ASCII 123 #/-'],
    // Already decomposed input (combining marks) folds the same way.
    ['Tie\u0302\u0300n', 'Tien'],
    ['付款', '付款'],
  ])('%s → %s', (input, output) => {
    expect(foldDiacritics(input)).toBe(output);
  });
});
