import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './api';
import { type DevServer, startDevServer } from './dev-server';

/*
 * The Cron Trigger end to end: `wrangler dev --test-scheduled` serves `/__scheduled`, which fires the
 * Worker's scheduled() as Cloudflare's cron would. A local fake of Casso's pull API (GET /v2/transactions,
 * `Authorization: Apikey …`) lists a transfer whose webhook never came; one scheduled run settles it.
 */

const API_KEY = 'AK_CS.e2e-reconcile-key';
let server: DevServer;
let casso: Server;
let cassoBase = '';
const records: Record<string, unknown>[] = [];
const seen: string[] = [];

/** Vietnam wall-clock time, as Casso prints it. */
const vnTime = (date: Date) => new Date(date.getTime() + 7 * 3_600_000).toISOString().slice(0, 19);

beforeAll(async () => {
  casso = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
    const url = new URL(req.url ?? '/', 'http://casso');
    res.setHeader('content-type', 'application/json');
    if (req.headers.authorization !== `Apikey ${API_KEY}`) {
      res.statusCode = 401;
      res.end(JSON.stringify({ error: 401, message: 'Unauthorized Access', data: null }));
      return;
    }
    if (url.pathname !== '/v2/transactions') {
      res.statusCode = 404;
      res.end('{}');
      return;
    }
    const page = Number(url.searchParams.get('page') ?? 1);
    res.end(
      JSON.stringify({
        error: 0,
        message: 'success',
        data: { page, pageSize: 100, nextPage: null, totalPages: 1, records: page === 1 ? records : [] },
      }),
    );
  });
  await new Promise<void>((resolve) => casso.listen(0, '127.0.0.1', resolve));
  cassoBase = `http://127.0.0.1:${(casso.address() as AddressInfo).port}`;
  server = await startDevServer({ args: ['--test-scheduled'] });
});

afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => casso?.close(resolve));
});

describe('reconciliation on the Cron Trigger (wrangler dev --test-scheduled)', () => {
  it('one scheduled run settles a transfer whose webhook never came', async () => {
    const { apiKey } = await call<{ apiKey: string }>(server.base, server.adminToken, 'POST', '/v1/admin/merchants', {
      name: 'E2E reconcile',
      mode: 'test',
    });
    const api = <T>(method: string, path: string, body?: unknown) => call<T>(server.base, apiKey, method, path, body);
    const bank = { bank: 'VCB', accountNumber: '1017595611', accountName: 'CONG TY E2E' };
    const direct = await api<{ id: string }>('POST', '/v1/provider-accounts', { provider: 'direct', ...bank });
    const feed = await api<{ id: string }>('POST', '/v1/provider-accounts', {
      provider: 'casso',
      checksumKey: 'e2e-casso-checksum-key',
      apiKey: API_KEY,
      baseUrl: cassoBase,
      ...bank,
    });
    const order = await api<{ id: string; paymentCode: string }>('POST', '/v1/orders', {
      amount: 42_000,
      reference: `E2E-R-${Date.now()}`,
      providerAccountId: direct.id,
    });
    records.push({
      id: 880001,
      tid: 'FT26330000000001',
      description: `CK ${order.paymentCode}`,
      amount: 42_000,
      when: vnTime(new Date()),
      bankSubAccId: bank.accountNumber,
    });

    const fired = await fetch(`${server.base}/__scheduled?cron=${encodeURIComponent('*/5 * * * *')}`);
    expect(fired.status).toBe(200);

    await expect
      .poll(
        async () =>
          (
            await api<{ data: { trigger: string; status: string; settled: number }[] }>(
              'GET',
              `/v1/reconciliation-runs?providerAccountId=${feed.id}`,
            )
          ).data,
        {
          timeout: 30_000,
          interval: 300,
        },
      )
      .toEqual([expect.objectContaining({ trigger: 'schedule', status: 'succeeded', settled: 1 })]);
    expect(seen.some((line) => line.startsWith('GET /v2/transactions?') && line.endsWith(`Apikey ${API_KEY}`))).toBe(true);
    expect(await api('GET', `/v1/orders/${order.id}`)).toMatchObject({ status: 'paid', amountPaid: 42_000 });
  });
});
