import { describe, expect, it } from 'vitest';
import { merchantWithHooks, nextTxId, send } from '../fixtures/hooks';
import { ledgerOfOrder, settled } from '../fixtures/ledger';

/*
 * CONTRACT §4a across feeds: every pair of feeds that can report the same bank account (a bank feed,
 * the provider that made the QR, the sandbox) sees one transfer, once by the same bank reference and once
 * by fingerprint (one side without a reference); the ledger keeps one payment with both reports. One
 * feed's two genuine transfers of the same amount and content stay two payments.
 */

type Feed = 'casso' | 'sepay' | 'payos' | 'bankhub' | 'vietqr' | 'tingee' | 'sandbox';
const FEEDS: Feed[] = ['casso', 'sepay', 'payos', 'bankhub', 'vietqr', 'tingee', 'sandbox'];
/** payOS and Tingee report the bank reference as their own transaction id; the sandbox reports none. */
const ALWAYS_REFERENCED: Feed[] = ['payos', 'tingee'];
const NEVER_REFERENCED: Feed[] = ['sandbox'];

type Hooks = Awaited<ReturnType<typeof merchantWithHooks>>;
interface Order {
  id: string;
  paymentCode: string;
}

const bankReference = () => `FT${nextTxId()}WL${crypto.randomUUID().slice(0, 6).toUpperCase()}`;

/** One feed's report of a transfer into the merchant's account; returns [providerAccountId, providerTransactionId]. */
async function report(h: Hooks, feed: Feed, order: Order, amount: number, reference: string | null): Promise<[string, string]> {
  const content = `TT ${order.paymentCode} chuyen khoan`;
  const numericId = nextTxId();
  const ok = (res: { status: number; text: string }) => expect(res.status, `${feed}: ${res.text}`).toBe(200);
  switch (feed) {
    case 'casso':
      ok(await send(await h.sign.casso({ id: numericId, amount, content, reference })));
      return [h.accounts.casso.id, numericId];
    case 'sepay':
      ok(await send(h.sign.sepayApikey({ id: numericId, amount, content, reference })));
      return [h.accounts.sepay.id, numericId];
    case 'payos':
      ok(await send(await h.sign.payos({ id: reference!, amount, content })));
      return [h.accounts.payos.id, reference!];
    case 'tingee':
      ok(await send(await h.sign.tingee({ id: reference!, amount, content })));
      return [h.accounts.tingee.id, reference!];
    case 'bankhub':
      ok(await send(h.sign.bankhub({ id: numericId, amount, content, reference })));
      return [h.accounts.bankhub.id, numericId];
    case 'vietqr': {
      const res = await send(h.sign.vietqrSync({ id: numericId, amount, content, reference }, await h.sign.vietqrBearer()));
      ok(res);
      expect(res.body.error).toBe(false);
      return [h.accounts.vietqr.id, numericId];
    }
    case 'sandbox': {
      const res = await h.merchant.api('POST', `/v1/sandbox/orders/${order.id}/pay`, { amount });
      expect(res.status, res.text).toBe(202);
      const payments = (await h.merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
      const payment = payments.find((p: { id: string }) => p.id === res.body.paymentId);
      const sandboxReport = payment.reports.find((r: { via: string }) => r.via === 'sandbox');
      return [sandboxReport.providerAccountId, sandboxReport.providerTransactionId];
    }
  }
}

async function expectOnePayment(h: Hooks, order: Order, amount: number, reports: [string, string][]) {
  await settled(await ledgerOfOrder(order.id));
  const now = (await h.merchant.api('GET', `/v1/orders/${order.id}`)).body;
  expect([now.status, now.amountPaid]).toEqual(['partially_paid', amount]);
  const payments = (await h.merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
  expect(payments).toHaveLength(1);
  expect(
    payments[0].reports.map((r: { providerAccountId: string; providerTransactionId: string }) => [
      r.providerAccountId,
      r.providerTransactionId,
    ]),
  ).toEqual(reports);
  const received = (await h.merchant.api('GET', '/v1/events?type=payment.received')).body.data.filter(
    (e: { data: { order: { id: string } } }) => e.data.order.id === order.id,
  );
  expect(received).toHaveLength(1);
}

const pairs = FEEDS.flatMap((a, i) => FEEDS.slice(i + 1).map((b) => [a, b] as const));

describe('one transfer reported by two feeds of one account is one payment', () => {
  for (const [a, b] of pairs.filter(([x, y]) => !NEVER_REFERENCED.includes(x) && !NEVER_REFERENCED.includes(y))) {
    it(`${a} then ${b}, same bank reference`, async () => {
      const h = await merchantWithHooks();
      // The sandbox reports are forced onto the order's ledger; sent second, they must be found by identity.
      const order = await h.merchant.order({ amount: 100_000 });
      const reference = bankReference();
      const first = await report(h, a, order, 40_000, reference);
      const second = await report(h, b, order, 40_000, reference.toLowerCase());
      await expectOnePayment(h, order, 40_000, [first, second]);
    });
  }

  for (const [a, b] of pairs.filter(([x, y]) => !(ALWAYS_REFERENCED.includes(x) && ALWAYS_REFERENCED.includes(y)))) {
    // Fingerprint: the side that can go without a reference goes without (payOS and Tingee always carry one).
    const bare = ALWAYS_REFERENCED.includes(a) ? b : a;
    it(`${a} then ${b}, by fingerprint (${bare} without a bank reference)`, async () => {
      const h = await merchantWithHooks();
      const order = await h.merchant.order({ amount: 100_000 });
      const reference = bankReference();
      const first = await report(h, a, order, 30_000, a === bare ? null : reference);
      const second = await report(h, b, order, 30_000, b === bare ? null : reference);
      await expectOnePayment(h, order, 30_000, [first, second]);
    });
  }
});

describe("one feed's two genuine transfers of the same amount and content stay two payments", () => {
  for (const feed of FEEDS) {
    it(feed, async () => {
      const h = await merchantWithHooks();
      const order = await h.merchant.order({ amount: 100_000 });
      const referenced = ALWAYS_REFERENCED.includes(feed);
      const one = await report(h, feed, order, 25_000, referenced ? bankReference() : null);
      const two = await report(h, feed, order, 25_000, referenced ? bankReference() : null);
      expect(one).not.toEqual(two);
      await settled(await ledgerOfOrder(order.id));
      const now = (await h.merchant.api('GET', `/v1/orders/${order.id}`)).body;
      expect(now.amountPaid).toBe(50_000);
      const payments = (await h.merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
      expect(payments.map((p: { reports: unknown[] }) => p.reports.length)).toEqual([1, 1]);
    });
  }
});
