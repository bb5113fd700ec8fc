import { createRouter } from '../lib/router';
import { parseBankhub, verifyBankhubToken } from '../providers/bankhub/inbound';
import { buildCallback } from '../providers/bankhub/sandbox-callback';
import { credential } from '../providers/inbound/credential';
import { problemFailure, successTrue } from '../providers/inbound/replies';
import { type Receiver, receiveRoute } from './receive';

const receiver: Receiver<string | undefined> = {
  provider: 'bankhub',
  present: ({ params }) => params.urlToken,
  async accept(urlToken, { raw, account, now }) {
    verifyBankhubToken(urlToken, credential(account, 'urlToken'));
    return parseBankhub(raw, account.id, now);
  },
  success: successTrue,
  failure: problemFailure,
};

const routes = createRouter();
routes.post('/hooks/bankhub/:paId/:urlToken', receiveRoute(receiver));

export default { provider: receiver.provider, routes, buildCallback };
