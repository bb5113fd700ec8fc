import { createRouter } from '../lib/router';
import { type CassoSignature, parseCasso, readCassoSignature, verifyCasso } from '../providers/casso/inbound';
import { buildCallback } from '../providers/casso/sandbox-callback';
import { credential } from '../providers/inbound/credential';
import { problemFailure, successTrue } from '../providers/inbound/replies';
import { type Receiver, receiveRoute } from './receive';

const receiver: Receiver<CassoSignature> = {
  provider: 'casso',
  present: ({ headers, now }) => readCassoSignature(headers.get('x-casso-signature'), now),
  async accept(signature, { raw, account, now }) {
    const body = await verifyCasso(signature, raw, credential(account, 'checksumKey'));
    return parseCasso(body, raw, account.id, now);
  },
  success: successTrue,
  failure: problemFailure,
};

const routes = createRouter();
routes.post('/hooks/casso/:paId', receiveRoute(receiver));

export default { provider: receiver.provider, routes, buildCallback };
