import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openEndpointSecret, ROTATION_OVERLAP_MS, sealEndpointSecret, signingSecrets } from '../../../src/delivery/endpoint-secrets';
import { newEndpointSecret } from '../../../src/delivery/sign';

const key = env.SECRETS_KEY;
const now = Date.parse('2026-11-21T10:00:00.000Z');

async function row(id: string, current: string, previous?: string, until?: number) {
  return {
    id,
    secret: await sealEndpointSecret(key, id, current),
    previous_secret: previous ? await sealEndpointSecret(key, id, previous) : null,
    previous_secret_until: until === undefined ? null : new Date(until).toISOString(),
  };
}

describe('endpoint secrets at rest', () => {
  it('seal and open round-trip, and the sealed text does not contain the secret', async () => {
    const secret = newEndpointSecret();
    const sealed = await sealEndpointSecret(key, 'ep_a', secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(await openEndpointSecret(key, 'ep_a', sealed)).toBe(secret);
  });

  it('a sealed secret copied onto another endpoint does not open', async () => {
    const sealed = await sealEndpointSecret(key, 'ep_a', newEndpointSecret());
    await expect(openEndpointSecret(key, 'ep_b', sealed)).rejects.toThrow();
  });
});

describe('signingSecrets', () => {
  const [current, previous] = [newEndpointSecret(), newEndpointSecret()];

  it('is the current secret alone without a rotation', async () => {
    expect(await signingSecrets(key, await row('ep_1', current), now)).toEqual([current]);
  });

  it('is current then previous during the 24 h overlap', async () => {
    expect(ROTATION_OVERLAP_MS).toBe(86_400_000);
    expect(await signingSecrets(key, await row('ep_1', current, previous, now + 1), now)).toEqual([current, previous]);
    expect(await signingSecrets(key, await row('ep_1', current, previous, now + 1), new Date(now))).toEqual([current, previous]);
  });

  it('drops the previous secret once the overlap is over', async () => {
    expect(await signingSecrets(key, await row('ep_1', current, previous, now), now)).toEqual([current]);
    expect(await signingSecrets(key, await row('ep_1', current, previous, now - 1), now)).toEqual([current]);
  });
});
