import { runDurableObjectAlarm } from 'cloudflare:test';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dashboardMerchant, formTo, linksOf, signedIn, textOf } from '../fixtures/dashboard';
import { ledgerOfOrder } from '../fixtures/ledger';
import { newMerchant } from '../fixtures/merchant';
import { interceptFetch } from '../fixtures/outbound-fetch';

const HOOK = 'https://merchant.example/hooks';

afterEach(() => vi.restoreAllMocks());

const deliverNow = async (orderId: string) => runDurableObjectAlarm(await ledgerOfOrder(orderId));

/** The merchant's server behind the fetch spy: `answer(n)` gives the status of its n-th request. */
function receiver(answer: (n: number) => number = () => 200) {
  const { log: got } = interceptFetch({
    [HOOK]: () => {
      const status = answer(got.length);
      return new Response(status === 200 ? 'ok' : `down (${got.length})`, { status });
    },
  });
  return got;
}

async function withEndpoint(eventTypes: string[] | null = null) {
  const setup = await dashboardMerchant();
  const endpoint = (await setup.merchant.api('POST', '/v1/endpoints', { url: HOOK, eventTypes })).body as { id: string; secret: string };
  const page = () => setup.browser.get(`/dashboard/endpoints/${endpoint.id}`);
  return { ...setup, endpoint, page };
}

describe('dashboard endpoints: create and edit', () => {
  it("create: the endpoint schema's errors and the URL policy show on the form, what was typed stays, nothing is created", async () => {
    const { merchant, browser } = await dashboardMerchant();
    const form = formTo((await browser.get('/dashboard/endpoints')).html, '/dashboard/endpoints');
    const noTypes = await browser.submit(form, { url: HOOK, description: 'Kho', scope: 'some' });
    expect(noTypes.status).toBe(422);
    expect(noTypes.html).toMatch(/id="event-types-error"/);
    expect(noTypes.html).toContain('value="Kho"');
    const privateUrl = await browser.submit(form, { url: 'http://10.0.0.7/hook', scope: 'all' });
    expect(privateUrl.status).toBe(422);
    expect(privateUrl.html).toMatch(/id="f-url-error"[^>]*>Endpoint URL must be an https URL/);
    expect(privateUrl.html).toContain('value="http://10.0.0.7/hook"');
    expect((await merchant.api('GET', '/v1/endpoints')).body.data).toHaveLength(0);

    const created = await browser.submit(form, {
      url: HOOK,
      description: 'Kho',
      scope: 'some',
      eventTypes: ['order.paid', 'payment.unmatched'],
    });
    expect(created.status).toBe(303);
    const [endpoint] = (await merchant.api('GET', '/v1/endpoints')).body.data;
    expect(endpoint).toMatchObject({ url: HOOK, description: 'Kho', eventTypes: ['order.paid', 'payment.unmatched'], enabled: true });
    expect(created.location).toBe(`/dashboard/endpoints/${endpoint.id}?notice=endpointCreated`);
  });

  it('edit event types, disable and enable again: the API sees each change', async () => {
    const { merchant, browser, endpoint, page } = await withEndpoint();
    const edit = formTo((await page()).html, '/update');
    expect((await browser.submit(edit, { scope: 'some', eventTypes: ['order.paid'] })).status).toBe(303);
    expect((await merchant.api('GET', `/v1/endpoints/${endpoint.id}`)).body).toMatchObject({ eventTypes: ['order.paid'] });
    expect((await browser.submit(edit, { scope: 'all', description: '' })).status).toBe(303);
    expect((await merchant.api('GET', `/v1/endpoints/${endpoint.id}`)).body).toMatchObject({ eventTypes: null, description: null });

    const disabled = await browser.submit(formTo((await page()).html, '/enabled'));
    expect(disabled.status).toBe(303);
    expect((await merchant.api('GET', `/v1/endpoints/${endpoint.id}`)).body.enabled).toBe(false);
    const after = await browser.get(disabled.location!);
    expect(textOf(after.html)).toContain('Đã tắt webhook.');
    await browser.submit(formTo(after.html, '/enabled'));
    expect((await merchant.api('GET', `/v1/endpoints/${endpoint.id}`)).body.enabled).toBe(true);
  });

  it('reveal shows the current secret only in answer to the post; rotate shows a new one, which the API then returns', async () => {
    const { merchant, browser, endpoint, page } = await withEndpoint();
    const before = await page();
    expect(before.html).not.toContain(endpoint.secret);
    const revealed = await browser.submit(formTo(before.html, '/secret'));
    expect(revealed.status).toBe(200);
    expect(revealed.html).toContain(`data-copy="${endpoint.secret}"`);
    expect(revealed.headers.get('cache-control')).toBe('no-store');

    const rotated = await browser.submit(formTo(before.html, '/rotate'));
    const fresh = (await merchant.api('GET', `/v1/endpoints/${endpoint.id}/secret`)).body.secret as string;
    expect(fresh).not.toBe(endpoint.secret);
    expect(rotated.html).toContain(`data-copy="${fresh}"`);
    expect(textOf(rotated.html)).toContain('24 giờ');
  });

  it('delete needs its confirmation box; then the endpoint is gone for the API too', async () => {
    const { merchant, browser, endpoint, page } = await withEndpoint();
    const form = formTo((await page()).html, '/delete');
    expect(form.fields.some(([name]) => name === 'confirm')).toBe(false);
    expect((await browser.submit(form)).status).toBe(422);
    expect((await merchant.api('GET', `/v1/endpoints/${endpoint.id}`)).status).toBe(200);
    const done = await browser.submit(form, { confirm: 'yes' });
    expect(done.location).toBe('/dashboard/endpoints?notice=endpointDeleted');
    expect((await merchant.api('GET', `/v1/endpoints/${endpoint.id}`)).status).toBe(404);
    expect((await page()).status).toBe(404);
  });

  it("another merchant's endpoint is 404, and so are its actions", async () => {
    const { endpoint, merchant } = await withEndpoint();
    const other = await signedIn(await newMerchant());
    expect((await other.get(`/dashboard/endpoints/${endpoint.id}`)).status).toBe(404);
    const csrf = formTo((await other.get('/dashboard')).html, '/sign-out').fields[0]!;
    expect((await other.post(`/dashboard/endpoints/${endpoint.id}/rotate`, [csrf])).status).toBe(404);
    expect((await merchant.api('GET', `/v1/endpoints/${endpoint.id}/secret`)).body.secret).toBe(endpoint.secret);
  });
});

describe('dashboard endpoints: test events and the delivery log', () => {
  it('send a test event: signed like a delivery, the answer shown, and no event stored', async () => {
    const got = receiver();
    const { merchant, browser, endpoint, page } = await withEndpoint();
    const answer = await browser.submit(formTo((await page()).html, '/test'));
    expect(answer.status).toBe(200);
    expect(textOf(answer.html)).toMatch(/Máy chủ của bạn đã nhận\. Phản hồi: 200 · \d+ ms/);
    expect(got).toHaveLength(1);
    const message = new Webhook(endpoint.secret).verify(got[0]!.body, got[0]!.headers) as { type: string; id: string };
    expect(message.type).toBe('test');
    expect(got[0]!.headers['webhook-id']).toBe(message.id);
    expect((await merchant.api('GET', '/v1/events')).body.data).toHaveLength(0);
    expect((await page()).html).not.toContain(message.id);
  });

  it('the log shows each delivery with its attempts (status, answer, duration, next retry); replay one, recover the rest', async () => {
    const got = receiver((n) => (n <= 2 ? 500 : 200));
    const { merchant, account, browser, page } = await withEndpoint(['order.canceled']);
    const orders = [await merchant.order({ providerAccountId: account.id }), await merchant.order({ providerAccountId: account.id })];
    for (const order of orders) {
      await merchant.api('POST', `/v1/orders/${order.id}/cancel`, {});
      await deliverNow(order.id);
    }
    expect(got).toHaveLength(2);
    const failing = await page();
    const text = textOf(failing.html);
    expect(text.match(/Đang thử lại/g)).toHaveLength(2);
    expect(text).toMatch(/#1 ✗ 500 · \d+ ms/);
    expect(text).toMatch(/Thử lại lúc.*\d\d:\d\d \d\d\/\d\d\/\d{4}/);
    const deliveryLink = linksOf(failing.html).find((href) => href.includes('/deliveries/'))!;
    const delivery = await browser.get(deliveryLink);
    expect(delivery.status).toBe(200);
    expect(delivery.html).toMatch(/<pre>down \(\d\)<\/pre>/);

    // The log is newest first: the first replay button is the second order's delivery.
    const replay = await browser.submit(formTo(failing.html, '/replay'));
    expect(replay.status).toBe(303);
    expect(replay.location).toMatch(/notice=deliveryReplayed$/);
    await deliverNow(orders[1]!.id);
    expect(got).toHaveLength(3);
    const replayed = textOf((await page()).html);
    expect(replayed.match(/Đang thử lại/g)).toHaveLength(1);
    expect(replayed).toMatch(/#2 ✓ 200/);

    const recover = await browser.submit(formTo((await page()).html, '/recover'));
    expect(recover.status).toBe(200);
    expect(textOf(recover.html)).toContain('Đã xếp lịch gửi lại 1 sự kiện.');
    await deliverNow(orders[0]!.id);
    expect(got).toHaveLength(4);
    const settled = textOf((await page()).html);
    expect(settled).not.toContain('Đang thử lại');
    expect(settled.match(/#2 ✓ 200/g)).toHaveLength(2);
    expect(new Set(got.map((g) => g.headers['webhook-id'])).size).toBe(2);
  });

  it('recover refuses a time that is not one', async () => {
    const { browser, page } = await withEndpoint();
    const bad = await browser.submit(formTo((await page()).html, '/recover'), { since: 'yesterday' });
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="f-since-error"/);
  });
});
