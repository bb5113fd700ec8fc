import type { VietQrFields } from '../../../src/qr/vietqr';
import data from '../../fixtures/vietqr-vectors.json';

// The shared VietQR vectors (a copy of shared/vectors/vietqr.json, kept with the tests so they run anywhere).

export interface ValidVector {
  name: string;
  input: VietQrFields;
  payload: string;
  expected: Record<string, unknown>;
  decodeOnly?: boolean;
  warnings?: string[];
}

export interface InvalidVector {
  name: string;
  payload: string;
  reason: string;
  category: 'crc' | 'tlv' | 'semantic';
}

export const validVectors = data.valid as ValidVector[];
export const invalidVectors = data.invalid as InvalidVector[];
