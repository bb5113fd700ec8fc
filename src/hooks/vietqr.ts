import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { createRouter } from '../lib/router';
import { credential } from '../providers/inbound/credential';
import { issueCallbackToken } from '../providers/vietqr/callback-token';
import { parseVietqrSync, readBearer, verifyVietqrBearer } from '../providers/vietqr/inbound';
import { syncFailure, syncSuccess, tokenFailure, tokenSuccess } from '../providers/vietqr/inbound-reply';
import { checkBasicAuth, readBasicAuth } from '../providers/vietqr/inbound-token';
import { buildCallback } from '../providers/vietqr/sandbox-callback';
import { callbackAccount } from './callback-account';
import { answering, type Receiver, receiveRoute } from './receive';

const sync: Receiver<string> = {
  provider: 'vietqr',
  present: ({ headers }) => readBearer(headers.get('authorization')),
  async accept(token, { raw, account, now, secretsKey }) {
    await verifyVietqrBearer(token, secretsKey, account.id, now);
    return parseVietqrSync(raw, account.id, now);
  },
  // One transaction per sync; an ignored one (a debit) is answered with VietQR's own id.
  success: (batch, settled) => syncSuccess(settled[0]?.paymentId ?? batch.ignored[0]?.providerTransactionId ?? ''),
  failure: syncFailure,
};

/** VietQR first trades the Basic credentials we gave it for a 300 s bearer token of ours. */
const tokenGenerate = (c: Context<AppEnv>) =>
  answering(c, 'vietqr', tokenFailure, async () => {
    const presented = readBasicAuth(c.req.header('authorization'));
    const account = await callbackAccount(c.env, c.req.param('paId'), 'vietqr');
    checkBasicAuth(presented, { username: credential(account, 'callbackUsername'), password: credential(account, 'callbackPassword') });
    return tokenSuccess(await issueCallbackToken(c.env.SECRETS_KEY, account.id, new Date()));
  });

const routes = createRouter();
routes.post('/hooks/vietqr/:paId/api/token_generate', tokenGenerate);
routes.post('/hooks/vietqr/:paId/bank/api/transaction-sync', receiveRoute(sync));

export default { provider: sync.provider, routes, buildCallback };
