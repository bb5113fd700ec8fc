import { createRouter } from '../lib/router';
import { credential } from '../providers/inbound/credential';
import { problemFailure, successTrue } from '../providers/inbound/replies';
import { parsePayos, verifyPayos } from '../providers/payos/inbound';
import { buildCallback } from '../providers/payos/sandbox-callback';
import { type Receiver, receiveRoute } from './receive';

// payOS signs inside the body, so there is no header to check before reading it.
const receiver: Receiver<null> = {
  provider: 'payos',
  present: () => null,
  async accept(_, { raw, account, now }) {
    const data = await verifyPayos(raw, credential(account, 'checksumKey'));
    return parsePayos(data, raw, account.id, now);
  },
  success: successTrue,
  failure: problemFailure,
};

const routes = createRouter();
routes.post('/hooks/payos/:paId', receiveRoute(receiver));

export default { provider: receiver.provider, routes, buildCallback };
