import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installPullFakes, manualRun, setupAccount } from '../fixtures/pull-fakes';

afterEach(() => vi.restoreAllMocks());

describe('reconciliation goes through the outbound URL policy', () => {
  it('a base URL that became private (a row edited behind the API) is refused at send time: the run fails, nothing is fetched', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('casso');
    await env.DB.prepare('UPDATE provider_accounts SET base_url = ? WHERE id = ?').bind('http://127.0.0.1:9/', s.account.id).run();
    const run = await manualRun(s);
    expect(run).toMatchObject({ status: 'failed', fetched: 0, settled: 0 });
    expect(run.error).toMatch(/URL_REFUSED/);
    expect(fakes.pulls('casso')).toEqual([]);
  });
});
