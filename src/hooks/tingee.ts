import { createRouter } from '../lib/router';
import { credential } from '../providers/inbound/credential';
import { parseTingee, readTingeeSignature, type TingeeSignature, verifyTingee } from '../providers/tingee/inbound';
import { tingeeFailure, tingeeSuccess } from '../providers/tingee/inbound-reply';
import { buildCallback } from '../providers/tingee/sandbox-callback';
import { type Receiver, receiveRoute } from './receive';

const receiver: Receiver<TingeeSignature> = {
  provider: 'tingee',
  present: ({ headers, now }) => readTingeeSignature(headers, now),
  async accept(signature, { raw, account, now }) {
    await verifyTingee(signature, raw, credential(account, 'secretToken'));
    return parseTingee(raw, account.id, now);
  },
  success: tingeeSuccess,
  failure: tingeeFailure,
};

const routes = createRouter();
routes.post('/hooks/tingee/:paId', receiveRoute(receiver));

export default { provider: receiver.provider, routes, buildCallback };
