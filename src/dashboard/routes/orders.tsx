import { Hono } from 'hono';
import { accountToJson } from '../../accounts/serialize';
import { attemptsOf, listOrderDeliveries } from '../../db/deliveries';
import { listEvents } from '../../db/events';
import { getOrder, orderToJson, searchOrders } from '../../db/orders';
import { toPage } from '../../db/pagination';
import { listPayments, paymentFromRow } from '../../db/payments';
import { listAccounts } from '../../db/provider-accounts';
import { isOpen, orderClock } from '../../ledger/clock';
import { HttpError } from '../../lib/problem';
import { publicOrigin } from '../../lib/public-origin';
import { cancelOrder } from '../../orders/cancel';
import { createOrder } from '../../orders/create';
import { createOrderBody } from '../../orders/schema';
import { simulatePayment } from '../../payments/simulate';
import { getProvider } from '../../providers/registry';
import { loadAccount, toAccount } from '../../providers/stored-account';
import { refreshOrder } from '../../reconcile/refresh-order';
import { orderStatus } from '../../schemas/order';
import { accountName } from '../account-name';
import type { DashContext, DashEnv } from '../context';
import { field, formOf } from '../csrf';
import { pageCursor } from '../cursor';
import { amountField, check, type FieldErrors, serviceErrors, textField } from '../forms';
import { doneRedirect, noticeOf } from '../notices';
import { notFoundPage } from '../pages/errors';
import { OrderPage, type OrderPageMessages, type OrderView } from '../pages/order';
import { NewOrderPage } from '../pages/order-new';
import { OrdersListPage } from '../pages/orders-list';
import { sendPage } from '../render';

const app = new Hono<DashEnv>();
const PAGE = 20;

app.get('/dashboard/orders', async (c) => {
  const status = orderStatus.safeParse(c.req.query('status')).data;
  const q = c.req.query('q')?.trim().slice(0, 64) || undefined;
  const cursor = c.req.query('cursor') || undefined;
  const clock = orderClock(c.env);
  const rows = await searchOrders(c.env, c.get('merchant').id, { status, q }, clock.countingSince, pageCursor(cursor), PAGE);
  const page = toPage(
    rows,
    PAGE,
    (row) => ({ time: row.created_at, id: row.id }),
    (row) => row,
  );
  return sendPage(c, OrdersListPage(c, { rows: page.data, nextCursor: page.nextCursor, status, q, cursor, clock }));
});

/** The accounts an order can be created on (they create QR codes). */
async function qrAccounts(c: DashContext) {
  const rows = await listAccounts(c.env, c.get('merchant').id, null, 100);
  const origin = publicOrigin(c.env, c.req.url);
  const accounts = await Promise.all(rows.filter((row) => row.creates_qr === 1).map((row) => toAccount(c.env, row)));
  return accounts.map((account) => ({ id: account.id, name: accountName(account, accountToJson(account, origin).bank) }));
}

/** A reference that is unique in practice, so counter staff can just type an amount. */
const suggestedReference = () =>
  `POS-${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(2, 16).replace(/[-T:]/g, '')}-${crypto.getRandomValues(new Uint32Array(1))[0]!.toString(36).slice(0, 4).toUpperCase()}`;

app.get('/dashboard/orders/new', async (c) =>
  sendPage(c, NewOrderPage(c, { accounts: await qrAccounts(c), values: { reference: suggestedReference() }, errors: {} })),
);

app.post('/dashboard/orders', async (c) => {
  const form = await formOf(c);
  const values = Object.fromEntries(
    ['amount', 'reference', 'description', 'providerAccountId', 'expiresInSeconds'].map((name) => [name, field(form, name)]),
  );
  const input = {
    amount: amountField(values.amount!),
    reference: textField(form, 'reference')?.trim(),
    description: textField(form, 'description'),
    providerAccountId: textField(form, 'providerAccountId'),
    expiresInSeconds: amountField(values.expiresInSeconds!),
  };
  const again = async (errors: FieldErrors, failure?: string, status: 409 | 422 | 502 = 422) =>
    sendPage(c, NewOrderPage(c, { accounts: await qrAccounts(c), values, errors, failure }), status);
  const checked = check(createOrderBody, input, c.get('lang'));
  if (!checked.ok) return again(checked.errors);
  try {
    const row = await createOrder(c.env, c.get('merchant'), checked.data, publicOrigin(c.env, c.req.url));
    return doneRedirect(c, `/dashboard/orders/${row.id}`, 'orderCreated');
  } catch (error) {
    if (error instanceof HttpError && error.status === 409) return again({ reference: error.detail }, undefined, 409);
    if (error instanceof HttpError && error.status === 502) return again({}, error.detail, 502);
    return again(serviceErrors(error));
  }
});

/** Everything the order page shows; null for an unknown order or another merchant's. */
async function loadOrderView(c: DashContext, id: string): Promise<OrderView | null> {
  const merchant = c.get('merchant');
  const row = await getOrder(c.env, merchant.id, id);
  if (!row) return null;
  const origin = publicOrigin(c.env, c.req.url);
  const [events, payments, deliveries, account] = await Promise.all([
    listEvents(c.env, merchant.id, { orderId: id }, null, 100),
    listPayments(c.env, merchant.id, { orderId: id }, null, 100),
    listOrderDeliveries(c.env, merchant.id, id),
    loadAccount(c.env, row.provider_account_id, { merchantId: merchant.id, includeDeleted: true }),
  ]);
  const attempts = await attemptsOf(
    c.env,
    merchant.id,
    deliveries.map((d) => d.id),
  );
  return {
    order: orderToJson(row, origin),
    status: orderClock(c.env).status(row),
    accountName: account ? accountName(account, accountToJson(account, origin).bank) : row.provider_account_id,
    canRefresh: Boolean(account && getProvider(account.provider)?.status),
    testMode: merchant.mode === 'test',
    events: events.slice(0, 100).reverse(),
    payments: payments.slice(0, 100).map(paymentFromRow),
    deliveries: deliveries.map((row) => ({
      row,
      endpointUrl: row.endpoint_url ?? row.endpoint_id,
      attempts: attempts.get(row.id) ?? [],
    })),
  };
}

async function orderPage(c: DashContext, messages: OrderPageMessages = {}, status: 200 | 403 | 409 | 422 | 502 = 200) {
  const view = await loadOrderView(c, c.req.param('id')!);
  if (!view) return notFoundPage(c);
  return sendPage(c, OrderPage(c, view, { notice: noticeOf(c), ...messages }), status);
}

app.get('/dashboard/orders/:id', (c) => orderPage(c));

app.post('/dashboard/orders/:id/cancel', async (c) => {
  const id = c.req.param('id');
  try {
    await cancelOrder(c.env, c.get('merchant').id, id, publicOrigin(c.env, c.req.url));
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return notFoundPage(c);
    if (error instanceof HttpError && error.status === 409) return orderPage(c, { error: c.get('t').order.cannotCancel }, 409);
    throw error;
  }
  return doneRedirect(c, `/dashboard/orders/${id}`, 'orderCanceled');
});

app.post('/dashboard/orders/:id/refresh', async (c) => {
  const row = await getOrder(c.env, c.get('merchant').id, c.req.param('id'));
  if (!row) return notFoundPage(c);
  try {
    await refreshOrder(c.env, row, publicOrigin(c.env, c.req.url), c.get('log'));
  } catch (error) {
    if (error instanceof HttpError) return orderPage(c, { error: `${c.get('t').order.refreshFailed}: ${error.detail}` }, 502);
    throw error;
  }
  return doneRedirect(c, `/dashboard/orders/${row.id}`, 'orderRefreshed');
});

app.post('/dashboard/orders/:id/simulate', async (c) => {
  const merchant = c.get('merchant');
  const t = c.get('t');
  const row = await getOrder(c.env, merchant.id, c.req.param('id'));
  if (!row) return notFoundPage(c);
  if (merchant.mode !== 'test') return orderPage(c, { error: t.order.simulateLiveOnly }, 403);
  const typed = field(await formOf(c), 'amount');
  const amount = amountField(typed);
  if (amount !== undefined && (typeof amount !== 'number' || amount < 1 || amount > 500_000_000)) {
    return orderPage(c, { simulateError: t.order.simulateAmountInvalid, simulateAmount: typed }, 422);
  }
  if (!isOpen(orderClock(c.env).status(row)) && amount === undefined) return orderPage(c, { error: t.order.nothingDue }, 409);
  try {
    await simulatePayment(c.env, merchant, row.id, amount === undefined ? {} : { amount }, publicOrigin(c.env, c.req.url));
  } catch (error) {
    if (error instanceof HttpError && error.status < 500) return orderPage(c, { error: error.detail, simulateAmount: typed }, 409);
    throw error;
  }
  return doneRedirect(c, `/dashboard/orders/${row.id}`, 'paymentSimulated');
});

export default app;
