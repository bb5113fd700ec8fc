import { createRouter } from '../lib/router';
import { credential } from '../providers/inbound/credential';
import { problemFailure, successTrue } from '../providers/inbound/replies';
import { parseSepay, readSepayAuth, type SepayAuth, verifySepay } from '../providers/sepay/inbound';
import { buildCallback } from '../providers/sepay/sandbox-callback';
import { type Receiver, receiveRoute } from './receive';

const receiver: Receiver<SepayAuth> = {
  provider: 'sepay',
  present: ({ headers, now }) => readSepayAuth(headers, now),
  async accept(auth, { raw, account, now }) {
    await verifySepay(auth, raw, { apiKey: credential(account, 'apiKey'), webhookSecret: credential(account, 'webhookSecret') });
    return parseSepay(raw, account.id, now);
  },
  success: successTrue,
  failure: problemFailure,
};

const routes = createRouter();
routes.post('/hooks/sepay/:paId', receiveRoute(receiver));

export default { provider: receiver.provider, routes, buildCallback };
