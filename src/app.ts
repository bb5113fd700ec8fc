import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import admin from './api/admin';
import { adminAuth, merchantAuth } from './api/auth';
import dashboardLinks from './api/dashboard-links';
import docs from './api/docs';
import endpoints from './api/endpoints';
import events from './api/events';
import health from './api/health';
import { idempotency, isMerchantPost } from './api/idempotency';
import { openApiDocument, registerDocumentParts } from './api/openapi-document';
import orderQr from './api/order-qr';
import orders from './api/orders';
import payments from './api/payments';
import providerAccounts, { createdAccount } from './api/provider-accounts';
import qr from './api/qr';
import qrQuicklinkImages from './api/qr-quicklink-images';
import reconcile from './api/reconcile';
import sandbox from './api/sandbox';
import dashboard from './dashboard';
import type { AppEnv } from './lib/app-env';
import { requireConfig } from './lib/config';
import { jsonBody } from './lib/json-body';
import { HttpError, problemResponse, unprocessable } from './lib/problem';
import { publicOrigin } from './lib/public-origin';
import { rateLimit } from './lib/rate-limit';
import { requestId } from './lib/request-id';
import { fieldErrors, validationHook } from './lib/validation';
import checkout from './pages/checkout';
import { embeddable } from './pages/page-headers';
import { hookRoutes, providerAccountBody, providerApiRoutes } from './providers/registry';

const apiLimit = rateLimit('api');
const publicLimit = rateLimit('public');

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', requestId);
  app.use('/pay/*', embeddable);
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  // A missing or malformed SECRETS_KEY / ADMIN_TOKEN: every route is a 503 naming it (CONTRACT §1).
  app.use('*', requireConfig);
  // Abuse limits come before anything that reads the body or the database.
  app.use('/v1/*', (c, next) => {
    if (c.req.path.startsWith('/v1/admin/')) return next();
    return c.req.path.startsWith('/v1/qr/') ? publicLimit(c, next) : apiLimit(c, next);
  });
  for (const path of ['/pay/*', '/qr/*', '/qr.svg', '/qr.png']) app.use(path, publicLimit);
  app.use('/v1/*', jsonBody);
  app.use('/v1/admin/*', adminAuth);
  app.use('/v1/*', async (c, next) => {
    if (c.req.path.startsWith('/v1/admin/') || c.req.path.startsWith('/v1/qr/')) return next();
    return merchantAuth(c, next);
  });
  // Idempotency-Key on every merchant POST (CONTRACT §1), whichever route file it lives in.
  app.use('/v1/*', (c, next) => (isMerchantPost(c.req.method, c.req.path) ? idempotency(c, next) : next()));

  app.route('/', health);
  app.route('/', docs);
  app.route('/', qr);
  app.route('/', qrQuicklinkImages);
  app.route('/', orderQr);
  app.route('/', admin);
  app.route('/', dashboardLinks);
  // Provider-specific API routes (account linking flows) end in an account made by the accounts service.
  app.route(
    '/',
    providerApiRoutes({
      createAccount: (c, body) => {
        const input = providerAccountBody.safeParse(body);
        if (!input.success) throw unprocessable('The linked account is not usable', fieldErrors(input.error));
        return createdAccount(c, input.data);
      },
    }),
  );
  app.route('/', providerAccounts);
  app.route('/', orders);
  app.route('/', payments);
  app.route('/', events);
  app.route('/', endpoints);
  app.route('/', sandbox);
  app.route('/', reconcile);
  // Provider callbacks, /hooks/<provider>/<paId>/…: each provider's hook, listed by the registry.
  app.route('/', hookRoutes);
  app.route('/', checkout);
  app.route('/', dashboard);

  registerDocumentParts(app);
  app.get('/openapi.json', (c) => c.json(openApiDocument(app, publicOrigin(c.env, c.req.url))));

  app.notFound((c) => problemResponse(404, `No route for ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof HttpError) return problemResponse(error.status, error.detail, error.errors, error.headers, error.extensions);
    if (error instanceof HTTPException) return problemResponse(error.status, error.message || 'Request failed');
    c.get('log').error('unhandled error', { method: c.req.method, path: c.req.path, error: String(error?.stack ?? error) });
    return problemResponse(500, 'Internal error');
  });
  return app;
}

export const app = createApp();
