import { Hono } from 'hono';
import { attemptsOf, getDelivery, listEndpointDeliveries } from '../../db/deliveries';
import { getEndpoint, listEndpoints } from '../../db/endpoints';
import { toPage } from '../../db/pagination';
import { sendTestEvent } from '../../delivery/test-event';
import { changeEndpoint, createEndpoint, deleteEndpoint, recoverEndpoint, revealSecret, rotateSecret } from '../../endpoints/manage';
import { requeueDeliveries } from '../../endpoints/requeue';
import { createEndpointBody, updateEndpointBody } from '../../endpoints/schema';
import type { DashContext, DashEnv } from '../context';
import { type FormFields, field, formOf } from '../csrf';
import { pageCursor } from '../cursor';
import { fromVietnamLocal, toVietnamLocal } from '../format';
import { check, serviceErrors } from '../forms';
import { safeNext } from '../next-path';
import { doneRedirect, noticeOf } from '../notices';
import { DeliveryPage } from '../pages/delivery';
import { type EndpointMessages, EndpointPage } from '../pages/endpoint';
import { EndpointsPage } from '../pages/endpoints';
import { notFoundPage } from '../pages/errors';
import { eventTypesInput } from '../pages/event-types-field';
import { sendPage } from '../render';

const app = new Hono<DashEnv>();
const LOG_PAGE = 20;
const DAY_MS = 86_400_000;

/** The endpoint form's fields as the API's body (`description` left empty: none). */
function endpointInput(form: FormFields) {
  const description = field(form, 'description').trim();
  return {
    values: {
      url: field(form, 'url'),
      description: field(form, 'description'),
      eventTypes: eventTypesInput(field(form, 'scope'), form.eventTypes ?? []),
    },
    input: {
      url: field(form, 'url').trim(),
      description: description === '' ? null : description,
      eventTypes: eventTypesInput(field(form, 'scope'), form.eventTypes ?? []),
    },
  };
}

app.get('/dashboard/endpoints', async (c) => {
  const rows = await listEndpoints(c.env, c.get('merchant').id, null, 100);
  return sendPage(c, EndpointsPage(c, { rows, values: {}, errors: {}, notice: noticeOf(c) }));
});

app.post('/dashboard/endpoints', async (c) => {
  const merchantId = c.get('merchant').id;
  const { values, input } = endpointInput(await formOf(c));
  const again = async (errors: Record<string, string>) =>
    sendPage(c, EndpointsPage(c, { rows: await listEndpoints(c.env, merchantId, null, 100), values, errors }), 422);
  const checked = check(createEndpointBody, { ...input, description: input.description ?? undefined }, c.get('lang'));
  if (!checked.ok) return again(checked.errors);
  try {
    const created = await createEndpoint(c.env, merchantId, checked.data);
    return doneRedirect(c, `/dashboard/endpoints/${created.id}`, 'endpointCreated');
  } catch (error) {
    return again(serviceErrors(error));
  }
});

async function endpointPage(c: DashContext, messages: EndpointMessages = {}, status: 200 | 404 | 422 = 200) {
  const merchantId = c.get('merchant').id;
  const row = await getEndpoint(c.env, merchantId, c.req.param('id')!);
  if (!row) return notFoundPage(c);
  const cursor = c.req.query('cursor') || undefined;
  const rows = await listEndpointDeliveries(c.env, merchantId, row.id, pageCursor(cursor), LOG_PAGE);
  const page = toPage(
    rows,
    LOG_PAGE,
    (d) => ({ time: d.created_at, id: d.id }),
    (d) => d,
  );
  const attempts = await attemptsOf(
    c.env,
    merchantId,
    page.data.map((d) => d.id),
  );
  const view = {
    row,
    deliveries: page.data.map((d) => ({ row: d, attempts: attempts.get(d.id) ?? [] })),
    nextCursor: page.nextCursor,
    cursor,
    recoverSince: toVietnamLocal(Date.now() - DAY_MS),
  };
  return sendPage(c, EndpointPage(c, view, { notice: noticeOf(c), ...messages }), status);
}

/** The endpoint of the path, or null (another merchant's or a deleted one is as absent as an unknown one). */
const endpointOf = (c: DashContext) => getEndpoint(c.env, c.get('merchant').id, c.req.param('id')!);

app.get('/dashboard/endpoints/:id', (c) => endpointPage(c));

app.post('/dashboard/endpoints/:id/update', async (c) => {
  if (!(await endpointOf(c))) return notFoundPage(c);
  const { values, input } = endpointInput(await formOf(c));
  const checked = check(updateEndpointBody, input, c.get('lang'));
  if (!checked.ok) return endpointPage(c, { values, errors: checked.errors }, 422);
  try {
    await changeEndpoint(c.env, c.get('merchant').id, c.req.param('id'), checked.data);
  } catch (error) {
    return endpointPage(c, { values, errors: serviceErrors(error) }, 422);
  }
  return doneRedirect(c, `/dashboard/endpoints/${c.req.param('id')}`, 'endpointSaved');
});

app.post('/dashboard/endpoints/:id/enabled', async (c) => {
  if (!(await endpointOf(c))) return notFoundPage(c);
  const enabled = field(await formOf(c), 'enabled') === 'true';
  await changeEndpoint(c.env, c.get('merchant').id, c.req.param('id'), { enabled });
  return doneRedirect(c, `/dashboard/endpoints/${c.req.param('id')}`, enabled ? 'endpointEnabled' : 'endpointDisabled');
});

// Secrets are shown in answer to a POST (CSRF-checked, never cached), not by a URL one could be sent to.
app.post('/dashboard/endpoints/:id/secret', async (c) => {
  if (!(await endpointOf(c))) return notFoundPage(c);
  const value = await revealSecret(c.env, c.get('merchant').id, c.req.param('id'));
  return endpointPage(c, { secret: { value, rotated: false } });
});

app.post('/dashboard/endpoints/:id/rotate', async (c) => {
  if (!(await endpointOf(c))) return notFoundPage(c);
  const value = await rotateSecret(c.env, c.get('merchant').id, c.req.param('id'));
  return endpointPage(c, { secret: { value, rotated: true } });
});

app.post('/dashboard/endpoints/:id/test', async (c) => {
  const row = await endpointOf(c);
  if (!row) return notFoundPage(c);
  return endpointPage(c, { test: await sendTestEvent(c.env, row) });
});

app.post('/dashboard/endpoints/:id/recover', async (c) => {
  if (!(await endpointOf(c))) return notFoundPage(c);
  const since = fromVietnamLocal(field(await formOf(c), 'since'));
  if (!since) return endpointPage(c, { recoverError: c.get('t').endpoints.sinceInvalid }, 422);
  const count = await recoverEndpoint(c.env, c.get('merchant').id, c.req.param('id'), since);
  return endpointPage(c, { notice: c.get('t').endpoints.recovered(count) });
});

app.post('/dashboard/endpoints/:id/delete', async (c) => {
  if (!(await endpointOf(c))) return notFoundPage(c);
  if (field(await formOf(c), 'confirm') !== 'yes') return endpointPage(c, { error: c.get('t').endpoints.deleteNotConfirmed }, 422);
  await deleteEndpoint(c.env, c.get('merchant').id, c.req.param('id'));
  return doneRedirect(c, '/dashboard/endpoints', 'endpointDeleted');
});

app.get('/dashboard/endpoints/:id/deliveries/:deliveryId', async (c) => {
  const merchantId = c.get('merchant').id;
  const [endpoint, delivery] = await Promise.all([endpointOf(c), getDelivery(c.env, merchantId, c.req.param('deliveryId'))]);
  if (!endpoint || !delivery || delivery.endpoint_id !== endpoint.id) return notFoundPage(c);
  const attempts = (await attemptsOf(c.env, merchantId, [delivery.id])).get(delivery.id) ?? [];
  return sendPage(c, DeliveryPage(c, endpoint, delivery, attempts, noticeOf(c)));
});

/** Replay one delivery: it is due again now, its attempts continue (the same webhook-id). */
app.post('/dashboard/endpoints/:id/deliveries/:deliveryId/replay', async (c) => {
  const [endpoint, delivery] = await Promise.all([endpointOf(c), getDelivery(c.env, c.get('merchant').id, c.req.param('deliveryId'))]);
  if (!endpoint || !delivery || delivery.endpoint_id !== endpoint.id) return notFoundPage(c);
  const back = safeNext(field(await formOf(c), 'back'));
  const queued = await requeueDeliveries(c.env, [delivery.id]);
  return doneRedirect(c, back, queued > 0 ? 'deliveryReplayed' : 'deliveryNotReplayed');
});

export default app;
