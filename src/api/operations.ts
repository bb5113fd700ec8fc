import { type OperationInfo, PROVIDER_FAILED } from '../lib/openapi';

/*
 * Per operation, what its route file does not say: a stable operationId (generated clients name their
 * methods after it, so it never changes once published), a description, and the error statuses specific
 * to it. Statuses every route of its kind can answer (auth, validation, body limits, rate limits, 404 on
 * path ids, 409 on a reused Idempotency-Key, 500, 503) are derived in src/lib/openapi.ts. A route missing
 * here still gets a derived operationId and its summary as description. A provider's own routes are described
 * in its folder (ProviderModule.operations).
 */

export const TAGS: Record<string, string> = {
  Orders: 'Payment orders: each gets a dynamic VietQR, a payment code and a hosted checkout page.',
  Payments: 'Bank transfers that reached one of your accounts, matched to an order or not (yet).',
  'Provider accounts': 'Your integrations with QR providers and bank feeds. Credentials are write-only and stored encrypted.',
  Reconciliation: 'Pulls from providers that catch transfers whose webhook never came.',
  Endpoints: 'Where we deliver events (Standard Webhooks, signed with the endpoint secret).',
  Events: 'What happened, newest first, with every delivery attempt.',
  Sandbox: 'Test-mode money: simulated payments and provider callbacks through the real settlement path.',
  'QR codes': 'VietQR encoding, decoding and images. Public: no API key.',
  Checkout: 'What the hosted checkout page reads. Public.',
  Admin: 'Operator API: merchants and their API keys. Authenticated with ADMIN_TOKEN.',
  Dashboard: 'Sign-in links for the merchant dashboard.',
  System: 'Health of the service.',
  Webhooks: 'Requests we send to your endpoints: one per event, signed (Standard Webhooks).',
};

// One entry per operation, all of one shape: data the document reads, not code repeated.
export const OPERATIONS: Record<string, OperationInfo> = {
  'GET /healthz': {
    operationId: 'getHealth',
    description: 'Answers `{"ok":true}` when the service can serve requests; a 503 problem names a missing or malformed variable.',
  },

  // Admin
  'POST /v1/admin/merchants': {
    operationId: 'createMerchant',
    description: 'Creates a merchant in `test` or `live` mode with its first API key. The key is shown here only; it is stored hashed.',
  },
  'PATCH /v1/admin/merchants/{id}': {
    operationId: 'updateMerchant',
    description: 'Changes how the merchant appears on its checkout pages.',
  },
  'POST /v1/admin/merchants/{id}/api-keys': {
    operationId: 'createApiKey',
    description: 'Issues another API key for the merchant (for rotation: create the new key, switch, then revoke the old one).',
  },
  'DELETE /v1/admin/api-keys/{keyId}': {
    operationId: 'revokeApiKey',
    description: 'Revokes an API key; requests with it are 401 from then on.',
  },
  'POST /v1/admin/merchants/{id}/dashboard-links': {
    operationId: 'createDashboardLink',
    description: 'A one-time sign-in link to the merchant dashboard, valid for 15 minutes.',
  },

  // Provider accounts
  'POST /v1/provider-accounts': {
    operationId: 'createProviderAccount',
    description:
      'Configures one integration of one provider. Credentials are write-only: never returned, stored encrypted. ' +
      '`webhookUrls` lists every URL to register at the provider. `baseUrl` overrides the provider host (https with a public host).',
  },
  'GET /v1/provider-accounts': { operationId: 'listProviderAccounts', description: 'Your provider accounts, newest first.' },
  'GET /v1/provider-accounts/{id}': { operationId: 'getProviderAccount', description: 'One provider account (never its credentials).' },
  'PATCH /v1/provider-accounts/{id}': {
    operationId: 'updateProviderAccount',
    description: 'Changes the label, `baseUrl` or credentials. New credentials replace the old at once (rotation).',
  },
  'DELETE /v1/provider-accounts/{id}': {
    operationId: 'deleteProviderAccount',
    description: 'Deletes the account: its orders keep their history, its callback URLs answer 401 and it is no longer reconciled.',
  },
  'POST /v1/provider-accounts/{id}/reconcile': {
    operationId: 'reconcileProviderAccount',
    description:
      'Runs reconciliation of this account now (from `since` when given). 422 when the account lacks the credential its pull needs.',
  },
  'GET /v1/reconciliation-runs': { operationId: 'listReconciliationRuns', description: 'Reconciliation runs, newest first.' },

  // Orders
  'POST /v1/orders': {
    operationId: 'createOrder',
    description:
      'Creates an order and its dynamic VietQR. The `paymentCode` is always in the transfer content so any bank feed can match it. ' +
      '`providerAccountId` may be left out when you have exactly one account that creates QR codes.',
    errors: {
      409: 'An order with this `reference` exists (`duplicate_reference`, its id in `orderId`), or the Idempotency-Key was used with another request',
      502: PROVIDER_FAILED,
    },
  },
  'GET /v1/orders': { operationId: 'listOrders', description: 'Orders, newest first; filter by `status` or `reference`.' },
  'GET /v1/orders/{id}': {
    operationId: 'getOrder',
    description: 'One order. With `refresh=true` an open order is first re-checked at its provider.',
    errors: { 502: 'refresh=true and the provider could not answer' },
  },
  'POST /v1/orders/{id}/cancel': {
    operationId: 'cancelOrder',
    description: 'Cancels a pending or partially paid order. A transfer that still arrives counts as a late payment.',
    errors: {
      409: 'The order is already paid, expired or canceled (`order_not_open`), or the Idempotency-Key was used with another request',
    },
  },
  'GET /v1/orders/{id}/payments': { operationId: 'listOrderPayments', description: 'The payments of one order, newest first.' },

  // Payments
  'GET /v1/payments': {
    operationId: 'listPayments',
    description: 'Payments, newest first; `unmatched=true` lists those that belong to no order (yet).',
  },
  'GET /v1/payments/{id}': { operationId: 'getPayment', description: 'One payment with every report of it.' },
  'POST /v1/payments/{id}/assign': {
    operationId: 'assignPayment',
    description:
      'Assigns an unmatched payment to an order (`matchedBy: "manual"`); the order’s events follow as for a payment matched at once.',
    errors: { 409: 'The payment already belongs to an order, or the Idempotency-Key was used with another request' },
  },

  // Endpoints
  'POST /v1/endpoints': {
    operationId: 'createEndpoint',
    description: 'Registers a webhook endpoint (`https` with a public host). The signing secret is shown here and by GET …/secret only.',
  },
  'GET /v1/endpoints': { operationId: 'listEndpoints', description: 'Your endpoints, newest first.' },
  'GET /v1/endpoints/{id}': { operationId: 'getEndpoint', description: 'One endpoint (without its secret).' },
  'PATCH /v1/endpoints/{id}': {
    operationId: 'updateEndpoint',
    description: 'Changes the URL, event types, description or `enabled`. Re-enabling clears the failure state.',
  },
  'DELETE /v1/endpoints/{id}': { operationId: 'deleteEndpoint', description: 'Deletes the endpoint; nothing more is sent to it.' },
  'GET /v1/endpoints/{id}/secret': { operationId: 'getEndpointSecret', description: 'The current signing secret (`whsec_…`).' },
  'POST /v1/endpoints/{id}/rotate-secret': {
    operationId: 'rotateEndpointSecret',
    description: 'A new signing secret. For 24 h deliveries carry two signatures, one with the old secret and one with the new.',
  },
  'POST /v1/endpoints/{id}/recover': {
    operationId: 'recoverEndpoint',
    description:
      'Re-sends every delivery to the endpoint created since `since` whose last attempt failed, and those skipped while disabled.',
  },

  // Events
  'GET /v1/events': { operationId: 'listEvents', description: 'Events, newest first; filter by `type`.' },
  'GET /v1/events/{id}': { operationId: 'getEvent', description: 'One event, as it was delivered.' },
  'GET /v1/events/{id}/attempts': {
    operationId: 'listEventAttempts',
    description: 'Every delivery attempt of the event, to every endpoint, newest first.',
  },
  'POST /v1/events/{id}/replay': {
    operationId: 'replayEvent',
    description: 'Sends the event again with the same `webhook-id`: to one endpoint, or to every enabled endpoint that wants its type.',
  },

  // Sandbox
  'POST /v1/sandbox/orders/{id}/pay': {
    operationId: 'sandboxPayOrder',
    description:
      'Simulates a transfer into the order (default: what remains), settled and delivered like a real one (`matchedBy: "sandbox"`).',
    errors: {
      403: 'The merchant is in live mode (`live_mode`)',
      409: 'Nothing remains to be paid and no amount was given, or the Idempotency-Key was used with another request',
    },
  },
  'POST /v1/sandbox/provider-accounts/{id}/callback': {
    operationId: 'sandboxSendCallback',
    description:
      'Builds the provider’s own callback for a transfer, signed with the account’s stored credentials, and sends it through the real hook.',
    errors: { 403: 'The merchant is in live mode (`live_mode`)', 502: 'The hook refused the callback; `detail` has its answer' },
  },

  // QR codes
  'POST /v1/qr/encode': {
    operationId: 'encodeQr',
    description: 'Encodes a VietQR (EMVCo) transfer payload. A value that cannot be encoded is 422, never a silently broken payload.',
  },
  'POST /v1/qr/decode': {
    operationId: 'decodeQr',
    description: 'Decodes and checks a VietQR payload: lenient on what real generators emit (with warnings), strict on structure (422).',
  },
  'GET /qr.svg': {
    operationId: 'getQuicklinkSvg',
    description:
      'The VietQR of any bank account as SVG, with an amount and content when given. The same URL always renders the same image.',
  },
  'GET /qr.png': {
    operationId: 'getQuicklinkPng',
    description: 'The VietQR of any bank account as PNG, with an amount and content when given.',
  },
  'GET /qr/{file}': {
    operationId: 'getOrderQr',
    description: 'The order’s VietQR as an image (`<orderId>.svg`). Immutable: cache it.',
  },

  // Checkout
  'GET /pay/{orderId}/status': {
    operationId: 'getCheckoutStatus',
    description: 'The order’s status and amounts, for the hosted checkout page (polled; never cached).',
  },
};
