// The two secrets every deployment needs, generated the way the service validates them:
// ADMIN_TOKEN at least 32 characters (43 of base64url here: 256 random bits), SECRETS_KEY the base64 of exactly 32 bytes.
import { randomBytes } from 'node:crypto';

export const newAdminToken = () => randomBytes(32).toString('base64url');
export const newSecretsKey = () => randomBytes(32).toString('base64');

/** `.dev.vars.example` with its ADMIN_TOKEN and SECRETS_KEY lines given fresh values (every other line kept). */
export function freshDevVars(example) {
  const secrets = { ADMIN_TOKEN: newAdminToken(), SECRETS_KEY: newSecretsKey() };
  return example.replace(/^(ADMIN_TOKEN|SECRETS_KEY)=.*$/gm, (_, name) => `${name}=${secrets[name]}`);
}
