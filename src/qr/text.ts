// Text rules of EMVCo "ans" fields: printable ASCII only, so Vietnamese is folded before encoding.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[\u0080-\uffff]/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** "Đóng tiền điện" → "Dong tien dien": NFD, combining marks dropped, đ/Đ (not decomposable) mapped by hand. */
export function foldDiacritics(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** EMVCo common character set: 0x20–0x7E. */
export const isPrintableAscii = (text: string) => PRINTABLE_ASCII.test(text);

export const isAscii = (text: string) => !NON_ASCII.test(text);

/** Lengths in EMV TLVs count characters (code points), not UTF-16 units or bytes. */
export function charLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code < 0xdc00) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        length--;
        i++;
      }
    }
  }
  return length;
}
