import { open, seal } from '../crypto/secret-box';

/** How long a rotated-out secret keeps signing alongside the new one. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

/** The secret columns of an `endpoints` row (sealed with the endpoint id as associated data). */
export interface EndpointSecretColumns {
  id: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: string | null;
}

export const sealEndpointSecret = (secretsKey: string, endpointId: string, secret: string) => seal(secretsKey, endpointId, secret);

export const openEndpointSecret = (secretsKey: string, endpointId: string, sealed: string) => open(secretsKey, endpointId, sealed);

/** The secrets that sign a delivery at `now`: [current], or [current, previous] during a rotation overlap. */
export async function signingSecrets(secretsKey: string, row: EndpointSecretColumns, now: Date | number): Promise<string[]> {
  const current = await openEndpointSecret(secretsKey, row.id, row.secret);
  const overlapping = row.previous_secret && row.previous_secret_until && Date.parse(row.previous_secret_until) > new Date(now).getTime();
  if (!overlapping) return [current];
  return [current, await openEndpointSecret(secretsKey, row.id, row.previous_secret!)];
}
