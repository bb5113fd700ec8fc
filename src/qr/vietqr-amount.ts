import { crc16 } from './crc';
import { parseTlv, serializeTlv, type Tlv } from './emv';
import { MAX_AMOUNT } from './vietqr-fields';

/**
 * The same VietQR with another amount: tag 54 set (inserted in ascending order where absent), tag
 * 01 made dynamic ("12", a code with an amount), the CRC recomputed. Every other tag stays as the
 * generator wrote it, so a provider's own fields (its reference in 62, tags 80–99) survive intact.
 */
export function withAmount(payload: string, amount: number): { ok: true; payload: string } | { ok: false; reason: string } {
  if (!Number.isInteger(amount) || amount < 1 || amount > MAX_AMOUNT) return { ok: false, reason: `amount ${amount} cannot be encoded` };
  const parsed = parseTlv(payload);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const crc = parsed.fields.at(-1);
  const fields = parsed.fields.slice(0, -1);
  const body = payload.slice(0, payload.length - 4);
  if (crc?.id !== '63' || crc.value !== crc16(body)) return { ok: false, reason: 'the payload does not end in a valid CRC (tag 63)' };
  const out: Tlv[] = [];
  let placed = false;
  for (const field of fields) {
    if (!placed && field.id >= '54') {
      out.push({ id: '54', value: String(amount) });
      placed = true;
      if (field.id === '54') continue;
    }
    out.push(field.id === '01' ? { id: '01', value: '12' } : field);
  }
  if (!placed) out.push({ id: '54', value: String(amount) });
  const root = `${serializeTlv(out)}6304`;
  return { ok: true, payload: root + crc16(root) };
}
