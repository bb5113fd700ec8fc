import {
  type EndpointRow,
  getEndpoint,
  insertEndpoint,
  recoverableDeliveryIds,
  rotateEndpointSecret,
  softDeleteEndpoint,
  updateEndpoint,
} from '../db/endpoints';
import { openEndpointSecret, ROTATION_OVERLAP_MS, sealEndpointSecret } from '../delivery/endpoint-secrets';
import { newEndpointSecret } from '../delivery/sign';
import { newId } from '../lib/ids';
import { invalidInput, notFound } from '../lib/problem';
import { checkEndpointUrl } from '../lib/url-policy';
import { requeueDeliveries } from './requeue';
import { type CreateEndpointInput, endpointToJson, type UpdateEndpointInput } from './schema';

// The merchant API's operations on endpoints (CONTRACT §5). Every miss is 404, whoever owns the id.

const NOT_FOUND = 'No such endpoint';

function assertUrlAllowed(env: Env, url: string): void {
  const check = checkEndpointUrl(url, env.ALLOW_PRIVATE_ENDPOINTS === 'true');
  if (!check.ok) throw invalidInput([{ path: 'url', message: `Endpoint URL ${check.reason}` }]);
}

async function mustGet(env: Env, merchantId: string, id: string): Promise<EndpointRow> {
  const row = await getEndpoint(env, merchantId, id);
  if (!row) throw notFound(NOT_FOUND);
  return row;
}

const typesColumn = (types: string[] | null) => (types === null ? null : JSON.stringify(types));

export async function createEndpoint(env: Env, merchantId: string, input: CreateEndpointInput) {
  assertUrlAllowed(env, input.url);
  const id = newId('ep');
  const secret = newEndpointSecret();
  const row = {
    id,
    merchant_id: merchantId,
    url: input.url,
    description: input.description ?? null,
    event_types: typesColumn(input.eventTypes),
    secret: await sealEndpointSecret(env.SECRETS_KEY, id, secret),
    created_at: new Date().toISOString(),
  };
  await insertEndpoint(env, row);
  return { ...endpointToJson({ ...row, enabled: 1 }), secret };
}

export async function getEndpointJson(env: Env, merchantId: string, id: string) {
  return endpointToJson(await mustGet(env, merchantId, id));
}

export async function changeEndpoint(env: Env, merchantId: string, id: string, input: UpdateEndpointInput) {
  if (input.url !== undefined) assertUrlAllowed(env, input.url);
  const changes = {
    url: input.url,
    description: input.description,
    event_types: input.eventTypes === undefined ? undefined : typesColumn(input.eventTypes),
    enabled: input.enabled,
  };
  if (!(await updateEndpoint(env, merchantId, id, changes, new Date().toISOString()))) throw notFound(NOT_FOUND);
  return getEndpointJson(env, merchantId, id);
}

export async function deleteEndpoint(env: Env, merchantId: string, id: string): Promise<void> {
  if (!(await softDeleteEndpoint(env, merchantId, id, new Date().toISOString()))) throw notFound(NOT_FOUND);
}

export async function revealSecret(env: Env, merchantId: string, id: string): Promise<string> {
  const row = await mustGet(env, merchantId, id);
  return openEndpointSecret(env.SECRETS_KEY, row.id, row.secret);
}

/** A fresh secret; the old one keeps signing alongside it for ROTATION_OVERLAP_MS. */
export async function rotateSecret(env: Env, merchantId: string, id: string): Promise<string> {
  const secret = newEndpointSecret();
  const sealed = await sealEndpointSecret(env.SECRETS_KEY, id, secret);
  const until = new Date(Date.now() + ROTATION_OVERLAP_MS).toISOString();
  if (!(await rotateEndpointSecret(env, merchantId, id, sealed, until))) throw notFound(NOT_FOUND);
  return secret;
}

/** Re-sends failed and skipped deliveries created since `since`; returns how many were queued. */
export async function recoverEndpoint(env: Env, merchantId: string, id: string, since: string): Promise<number> {
  const row = await mustGet(env, merchantId, id);
  const ids = await recoverableDeliveryIds(env, row.id, new Date(since).toISOString());
  return requeueDeliveries(env, ids);
}
