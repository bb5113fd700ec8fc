import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../fixtures/app';
import { merchantWithAccount } from '../fixtures/merchant';
import { installPullFakes, manualRun, secondsAgo, settledRuns, setupAccount, transfer } from '../fixtures/pull-fakes';

/* CONTRACT §9: POST /v1/provider-accounts/{id}/reconcile and GET /v1/reconciliation-runs. */

afterEach(() => vi.restoreAllMocks());

const HOUR_MS = 3_600_000;
const reconcilePath = (id: string) => `/v1/provider-accounts/${id}/reconcile`;

describe('POST /v1/provider-accounts/{id}/reconcile', () => {
  it('202 with the running run, which GET /v1/reconciliation-runs then shows finished; since is echoed', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('bankhub');
    const order = await s.order();
    transfer(fakes, s, order, { at: secondsAgo(2 * HOUR_MS) });
    const since = new Date(Date.now() - 3 * HOUR_MS).toISOString();

    const res = await s.merchant.api('POST', reconcilePath(s.account.id), { since });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      object: 'reconciliation_run',
      providerAccountId: s.account.id,
      trigger: 'manual',
      since,
      status: 'running',
      finishedAt: null,
      fetched: 0,
      settled: 0,
      known: 0,
      error: null,
    });
    expect(res.body.id).toMatch(/^rec_[0-9a-z]{26}$/);
    await settledRuns(s.account.id);
    const list = await s.merchant.api('GET', `/v1/reconciliation-runs?providerAccountId=${s.account.id}`);
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.data).toEqual([{ ...res.body, status: 'succeeded', finishedAt: expect.any(String), fetched: 1, settled: 1 }]);
    // since: the BankHub window starts on its day (Vietnam time).
    expect(fakes.pulls('bankhub')[0]!.url.searchParams.get('fromDate')).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it('lists runs newest first, with limit and cursor; another merchant sees none of them', async () => {
    installPullFakes();
    const s = await setupAccount('tingee');
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await manualRun(s)).id);
    const first = await s.merchant.api('GET', `/v1/reconciliation-runs?providerAccountId=${s.account.id}&limit=2`);
    expect(first.body.data.map((r: any) => r.id)).toEqual([ids[2], ids[1]]);
    const second = await s.merchant.api(
      'GET',
      `/v1/reconciliation-runs?providerAccountId=${s.account.id}&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body).toEqual({ data: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    expect((await s.merchant.api('GET', '/v1/reconciliation-runs')).body.data.map((r: any) => r.id)).toEqual([...ids].reverse());

    const stranger = await merchantWithAccount();
    expect((await stranger.api('GET', `/v1/reconciliation-runs?providerAccountId=${s.account.id}`)).body).toEqual({
      data: [],
      nextCursor: null,
    });
    expect((await stranger.api('GET', '/v1/reconciliation-runs?limit=0')).status).toBe(422);
    expect((await stranger.api('GET', '/v1/reconciliation-runs?cursor=nope')).status).toBe(422);
    expect((await call('GET', '/v1/reconciliation-runs')).status).toBe(401);
  });

  it('404 for an unknown, another merchant’s or a deleted account, and nothing is pulled', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('bankhub');
    const stranger = await merchantWithAccount();
    for (const [who, id] of [
      [stranger, s.account.id],
      [s.merchant, 'pa_0000000000000000000000'],
    ] as const) {
      const res = await who.api('POST', reconcilePath(id), {});
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await s.merchant.api('DELETE', `/v1/provider-accounts/${s.account.id}`)).status).toBe(204);
    expect((await s.merchant.api('POST', reconcilePath(s.account.id), {})).status).toBe(404);
    expect(fakes.seen).toEqual([]);
  });

  it('422 naming the missing pull credential, or saying the provider has no pull API; no run is recorded', async () => {
    const fakes = installPullFakes();
    for (const [provider, field] of [
      ['casso', 'apiKey'],
      ['sepay', 'apiToken'],
    ] as const) {
      const s = await setupAccount(provider, { [field]: undefined });
      const res = await s.merchant.api('POST', reconcilePath(s.account.id), {});
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ path: field, message: expect.stringContaining(`PATCH /v1/provider-accounts/${s.account.id}`) }]);
      expect(res.body.detail).toContain(field);
      expect((await s.merchant.api('GET', `/v1/reconciliation-runs?providerAccountId=${s.account.id}`)).body.data).toEqual([]);
    }
    const merchant = await merchantWithAccount();
    const direct = await merchant.api('POST', reconcilePath(merchant.direct.id), {});
    expect(direct.status).toBe(422);
    expect(direct.body.detail).toContain('no pull API');
    expect(fakes.seen).toEqual([]);
  });

  it('a bad body: malformed JSON 400, a since that is no ISO time (or in the future) or an unknown field 422 naming it', async () => {
    installPullFakes();
    const s = await setupAccount('tingee');
    const path = reconcilePath(s.account.id);
    const auth = { authorization: `Bearer ${s.merchant.apiKey}`, 'content-type': 'application/json' };
    expect((await call('POST', path, { body: '{"since":', headers: auth })).status).toBe(400);
    for (const [body, field] of [
      [{ since: 'yesterday' }, 'since'],
      [{ since: 1_764_000_000 }, 'since'],
      [{ since: new Date(Date.now() + HOUR_MS).toISOString() }, 'since'],
      [{ sinceId: 'x' }, 'sinceId'],
    ] as const) {
      const res = await s.merchant.api('POST', path, body);
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: any) => e.path)).toEqual([field]);
    }
    expect((await s.merchant.api('GET', `/v1/reconciliation-runs?providerAccountId=${s.account.id}`)).body.data).toEqual([]);
    // No body at all is a run from the stored cursor.
    expect((await call('POST', path, { headers: { authorization: `Bearer ${s.merchant.apiKey}` } })).status).toBe(202);
  });

  it('Idempotency-Key: the same request again answers the same run and starts no other', async () => {
    installPullFakes();
    const s = await setupAccount('tingee');
    const headers = { 'idempotency-key': crypto.randomUUID() };
    const first = await s.merchant.api('POST', reconcilePath(s.account.id), {}, headers);
    const again = await s.merchant.api('POST', reconcilePath(s.account.id), {}, headers);
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(await settledRuns(s.account.id)).toHaveLength(1);
  });

  it('is in the OpenAPI document, generated from the same schemas', async () => {
    const doc = (await call('GET', '/openapi.json')).body;
    expect(Object.keys(doc.paths['/v1/provider-accounts/{id}/reconcile'])).toEqual(['post']);
    expect(doc.paths['/v1/reconciliation-runs'].get.parameters.map((p: any) => p.name).sort()).toEqual([
      'cursor',
      'limit',
      'providerAccountId',
    ]);
    expect(Object.keys(doc.components.schemas.ReconciliationRun.properties).sort()).toEqual(
      [
        'error',
        'fetched',
        'finishedAt',
        'id',
        'known',
        'object',
        'providerAccountId',
        'settled',
        'since',
        'startedAt',
        'status',
        'trigger',
      ].sort(),
    );
    expect(doc.components.schemas.ReconcileInput.additionalProperties).toBe(false);
  });
});
