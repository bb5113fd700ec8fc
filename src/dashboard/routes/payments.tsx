import { Hono } from 'hono';
import { accountToJson } from '../../accounts/serialize';
import { getOrder, searchOrders } from '../../db/orders';
import { toPage } from '../../db/pagination';
import { countUnmatched, getPayment, listPayments, paymentFromRow } from '../../db/payments';
import { orderClock } from '../../ledger/clock';
import { HttpError } from '../../lib/problem';
import { publicOrigin } from '../../lib/public-origin';
import { assignPayment } from '../../payments/assign';
import { loadAccount } from '../../providers/stored-account';
import { accountName } from '../account-name';
import type { DashContext, DashEnv } from '../context';
import { field, formOf } from '../csrf';
import { pageCursor } from '../cursor';
import { doneRedirect, noticeOf } from '../notices';
import { notFoundPage } from '../pages/errors';
import { PaymentPage } from '../pages/payment';
import { PaymentsPage } from '../pages/payments';
import { sendPage } from '../render';

const app = new Hono<DashEnv>();
const PAGE = 20;

app.get('/dashboard/payments', async (c) => {
  const merchantId = c.get('merchant').id;
  const view = c.req.query('view') === 'unmatched' ? 'unmatched' : 'all';
  const cursor = c.req.query('cursor') || undefined;
  const [rows, unmatched] = await Promise.all([
    listPayments(c.env, merchantId, { unmatched: view === 'unmatched' }, pageCursor(cursor), PAGE),
    countUnmatched(c.env, merchantId),
  ]);
  const page = toPage(
    rows,
    PAGE,
    (row) => ({ time: row.received_at, id: row.id }),
    (row) => row,
  );
  return sendPage(c, PaymentsPage(c, { rows: page.data, nextCursor: page.nextCursor, view, cursor, unmatched }));
});

async function paymentPage(c: DashContext, messages: { error?: string } = {}, status: 200 | 404 | 409 = 200) {
  const merchantId = c.get('merchant').id;
  const row = await getPayment(c.env, merchantId, c.req.param('id')!);
  if (!row) return notFoundPage(c);
  const q = c.req.query('q')?.trim().slice(0, 64) || undefined;
  const clock = orderClock(c.env);
  const origin = publicOrigin(c.env, c.req.url);
  const [order, account, candidates] = await Promise.all([
    row.order_id ? getOrder(c.env, merchantId, row.order_id) : null,
    loadAccount(c.env, row.provider_account_id, { merchantId, includeDeleted: true }),
    q && !row.order_id ? searchOrders(c.env, merchantId, { q }, clock.countingSince, null, 10) : [],
  ]);
  const view = {
    payment: paymentFromRow(row),
    raw: row.raw,
    order: order ? { id: order.id, reference: order.reference } : null,
    accountName: account ? accountName(account, accountToJson(account, origin).bank) : row.provider_account_id,
    q,
    candidates: candidates.slice(0, 10),
    clock,
  };
  return sendPage(c, PaymentPage(c, view, { notice: noticeOf(c), ...messages }), status);
}

app.get('/dashboard/payments/:id', (c) => paymentPage(c));

app.post('/dashboard/payments/:id/assign', async (c) => {
  const t = c.get('t');
  const merchant = c.get('merchant');
  const payment = await getPayment(c.env, merchant.id, c.req.param('id'));
  if (!payment) return notFoundPage(c);
  if (payment.order_id) return paymentPage(c, { error: t.payments.alreadyAssigned }, 409);
  const orderId = field(await formOf(c), 'orderId');
  if (!orderId || !(await getOrder(c.env, merchant.id, orderId))) return paymentPage(c, { error: t.payments.noSuchOrder }, 404);
  try {
    await assignPayment(c.env, merchant, payment.id, orderId, publicOrigin(c.env, c.req.url));
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return paymentPage(c, { error: t.payments.noSuchOrder }, 404);
    if (error instanceof HttpError && error.status === 409) return paymentPage(c, { error: t.payments.alreadyAssigned }, 409);
    throw error;
  }
  return doneRedirect(c, `/dashboard/payments/${payment.id}`, 'paymentAssigned');
});

export default app;
