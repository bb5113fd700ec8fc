import { describe, expect, it } from 'vitest';
import { providerNames } from '../../src/providers/registry';
import { call } from '../fixtures/app';
import { cassoCallback } from '../fixtures/casso';
import { dashboardMerchant, formsOf, formTo, linksOf, signedIn, textOf } from '../fixtures/dashboard';
import { newMerchant } from '../fixtures/merchant';

const CHECKSUM = 'casso-checksum-key-0123456789';

/** The names and input types of a page's form fields, e.g. {checksumKey: 'password'}. */
function inputsOf(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/<input id="f-[^"]+" name="([^"]+)" type="([^"]+)"/g)].map((m) => [m[1], m[2]]));
}

async function createCasso(browser: Awaited<ReturnType<typeof dashboardMerchant>>['browser'], fields: Record<string, string> = {}) {
  const form = formTo((await browser.get('/dashboard/accounts/new?provider=casso')).html, '/dashboard/accounts');
  return browser.submit(form, {
    checksumKey: CHECKSUM,
    bank: 'VCB',
    accountNumber: '0123456789',
    accountName: 'SHOP CASSO',
    label: 'Quầy 1',
    ...fields,
  });
}

describe('dashboard provider accounts', () => {
  it('lists accounts with bank and account number, and offers a form for every registered provider', async () => {
    const { browser, account } = await dashboardMerchant();
    const page = await browser.get('/dashboard/accounts');
    expect(page.html).toContain(`/dashboard/accounts/${account.id}`);
    const text = textOf(page.html);
    expect(text).toContain('VCB');
    expect(text).toContain('1017595600');
    expect(text).toContain('Tạo mã QR');
    const forms = linksOf(page.html).filter((href) => href.startsWith('/dashboard/accounts/new?provider='));
    expect(forms.map((href) => href.split('=')[1]).sort()).toEqual([...providerNames].sort());
  });

  it("each provider's form has exactly its schema's fields; credentials are password inputs", async () => {
    const { browser } = await dashboardMerchant();
    const sepay = inputsOf((await browser.get('/dashboard/accounts/new?provider=sepay')).html);
    expect(sepay).toEqual({
      label: 'text',
      apiKey: 'password',
      webhookSecret: 'password',
      bank: 'text',
      accountNumber: 'text',
      accountName: 'text',
      apiToken: 'password',
      baseUrl: 'url',
    });
    const vietqr = inputsOf((await browser.get('/dashboard/accounts/new?provider=vietqr')).html);
    expect(Object.keys(vietqr)).toEqual([
      'label',
      'username',
      'password',
      'callbackUsername',
      'callbackPassword',
      'bankCode',
      'bankAccount',
      'userBankName',
      'baseUrl',
    ]);
    expect((await browser.get('/dashboard/accounts/new?provider=nope')).status).toBe(303);
  });

  it('a VietQR account without a callback password shows the one we made, once, and callbacks verify with it', async () => {
    const { browser } = await dashboardMerchant();
    const form = formTo((await browser.get('/dashboard/accounts/new?provider=vietqr')).html, '/dashboard/accounts');
    const created = await browser.submit(form, {
      username: 'vqr-user',
      password: 'vqr-password-0001',
      callbackUsername: 'vqr-callback-user',
      bankCode: 'MB',
      bankAccount: '0123456789',
      userBankName: 'SHOP VIETQR',
    });
    expect(created.status).toBe(201);
    const password = /data-copy="([A-Za-z0-9_-]{22,})"/.exec(created.html)?.[1];
    expect(password).toBeTruthy();
    const id = /\/hooks\/vietqr\/(pa_[0-9a-z]+)/.exec(created.html)?.[1];
    const token = await call('POST', `/hooks/vietqr/${id}/api/token_generate`, {
      headers: { authorization: `Basic ${btoa(`vqr-callback-user:${password}`)}` },
      body: '{}',
    });
    expect(token.status).toBe(200);
    const again = await browser.get(`/dashboard/accounts/${id}`);
    expect(again.html).not.toContain(password!);
  });

  it('create: field errors from the same schema, typed values kept (never credentials), nothing stored', async () => {
    const { merchant, browser } = await dashboardMerchant();
    const bad = await createCasso(browser, { bank: 'NOT-A-BANK', checksumKey: '' });
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="f-bank-error"[^>]*>Unknown bank/);
    expect(bad.html).toMatch(/id="f-checksumKey-error"/);
    expect(bad.html).toContain('value="SHOP CASSO"');
    expect(bad.html).toContain('value="Quầy 1"');
    const secretKept = await createCasso(browser, { bank: 'NOT-A-BANK' });
    expect(secretKept.html).not.toContain(CHECKSUM);
    expect((await merchant.api('GET', '/v1/provider-accounts')).body.data).toHaveLength(1);
  });

  it('after creation: the webhook URL with a copy button and where to paste it; the hook works with the credentials typed', async () => {
    const { merchant, browser } = await dashboardMerchant();
    const created = await createCasso(browser);
    expect(created.status).toBe(303);
    const id = /\/dashboard\/accounts\/(pa_[0-9a-z]+)\?notice=accountCreated$/.exec(created.location!)?.[1];
    const api = (await merchant.api('GET', `/v1/provider-accounts/${id}`)).body;
    expect(api).toMatchObject({ provider: 'casso', label: 'Quầy 1', bank: { shortName: 'VCB', accountNumber: '0123456789' } });
    const page = await browser.get(created.location!);
    expect(page.html).toContain(`data-copy="${api.webhookUrls.webhook}"`);
    expect(page.html).not.toContain(CHECKSUM);
    const text = textOf(page.html);
    expect(text).toContain('my.casso.vn → Tích hợp → Webhook V2');
    expect(text).toContain('Đăng ký các URL webhook dưới đây');
    expect(textOf((await browser.get(`/dashboard/accounts/${id}?lang=en`)).html)).toContain('my.casso.vn → Integrations → Webhook V2');

    const signed = await cassoCallback(CHECKSUM, { amount: 10_000, content: 'hello', accountNumber: '0123456789' });
    expect((await call('POST', new URL(api.webhookUrls.webhook).pathname, { body: signed.body, headers: signed.headers })).status).toBe(
      200,
    );
  });

  it('delete spells out what happens, needs its box ticked, then the account is gone (API and pages)', async () => {
    const { merchant, browser } = await dashboardMerchant();
    const created = await createCasso(browser);
    const page = await browser.get(created.location!);
    const text = textOf(page.html);
    expect(text).toContain('Các đơn của tài khoản giữ nguyên lịch sử');
    expect(text).toContain('trả lỗi 401');
    const form = formTo(page.html, '/delete');
    expect((await browser.submit(form)).status).toBe(422);
    const done = await browser.submit(form, { confirm: 'yes' });
    expect(done.location).toBe('/dashboard/accounts?notice=accountDeleted');
    const id = created.location!.split('/').at(-1)!.split('?')[0]!;
    expect((await merchant.api('GET', `/v1/provider-accounts/${id}`)).status).toBe(404);
    expect((await browser.get(`/dashboard/accounts/${id}`)).status).toBe(404);
    expect(textOf((await browser.get(done.location!)).html)).toContain('Đã xóa tài khoản.');
  });

  it('rotate and reconcile check their own input before calling the service; another merchant gets 404', async () => {
    const { browser } = await dashboardMerchant();
    const created = await createCasso(browser);
    const page = await browser.get(created.location!);
    const rotate = formTo(page.html, '/rotate');
    expect(rotate.fields.map(([name]) => name).sort()).toEqual(['apiKey', 'baseUrl', 'checksumKey', 'csrf', 'label']);
    const nothing = await browser.submit(rotate);
    expect(nothing.status).toBe(422);
    expect(textOf(nothing.html)).toContain('Chưa điền ô nào để đổi');
    const badSince = await browser.submit(formTo(page.html, '/reconcile'), { since: 'not a time' });
    expect(badSince.status).toBe(422);
    expect(textOf(badSince.html)).toContain('Thời điểm không hợp lệ');

    const other = await signedIn(await newMerchant());
    const id = created.location!.split('/').at(-1)!.split('?')[0]!;
    expect((await other.get(`/dashboard/accounts/${id}`)).status).toBe(404);
    const csrf = formTo((await other.get('/dashboard')).html, '/sign-out').fields[0]!;
    expect((await other.post(`/dashboard/accounts/${id}/delete`, [csrf, ['confirm', 'yes']])).status).toBe(404);
    expect((await browser.get(`/dashboard/accounts/${id}`)).status).toBe(200);
    expect(
      formsOf(page.html)
        .filter((f) => f.method === 'post')
        .every((f) => f.fields.some(([name]) => name === 'csrf')),
    ).toBe(true);
  });

  it('rotate: the new checksum key verifies callbacks at once, the old one no longer does', async () => {
    const { browser } = await dashboardMerchant();
    const created = await createCasso(browser);
    const id = created.location!.split('/').at(-1)!.split('?')[0]!;
    const rotate = formTo((await browser.get(created.location!)).html, '/rotate');
    const fresh = 'casso-checksum-key-rotated-0001';
    expect((await browser.submit(rotate, { checksumKey: fresh })).status).toBe(303);
    const oldSigned = await cassoCallback(CHECKSUM, { amount: 10_000, content: 'old', accountNumber: '0123456789' });
    expect((await call('POST', `/hooks/casso/${id}`, { body: oldSigned.body, headers: oldSigned.headers })).status).toBe(401);
    const newSigned = await cassoCallback(fresh, { amount: 10_000, content: 'new', accountNumber: '0123456789' });
    expect((await call('POST', `/hooks/casso/${id}`, { body: newSigned.body, headers: newSigned.headers })).status).toBe(200);
  });

  it('reconcile now: a Casso account without its API key is refused naming the field; runs are listed', async () => {
    const { browser } = await dashboardMerchant();
    const created = await createCasso(browser);
    const page = await browser.get(created.location!);
    const refused = await browser.submit(formTo(page.html, '/reconcile'));
    expect(refused.status).toBe(422);
    expect(textOf(refused.html)).toContain('apiKey');
    expect(textOf(refused.html)).toContain('Chưa có lần đối soát nào');
  });
});
