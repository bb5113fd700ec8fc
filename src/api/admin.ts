import { createRoute, z } from '@hono/zod-openapi';
import { revokeApiKey } from '../db/api-keys';
import { createMerchant, getMerchant, getMerchantBranding, issueApiKey, updateMerchantBranding } from '../db/merchants';
import { jsonResponse } from '../lib/openapi';
import { notFound, unprocessable } from '../lib/problem';
import { createRouter } from '../lib/router';
import { fetchLogo, LOGO_MAX_BYTES } from './merchant-logo';

// Routes of one shape (createRoute, then its handler), as in every api/ file: each is its own operation.
const app = createRouter();
const security = [{ adminToken: [] }];
const tags = ['Admin'];

const merchantBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  mode: z.enum(['test', 'live']),
});

const createdMerchant = z
  .object({
    id: z.string(),
    name: z.string(),
    mode: z.enum(['test', 'live']),
    apiKey: z.string().openapi({ description: 'Shown once; stored hashed' }),
    createdAt: z.string(),
  })
  .openapi('CreatedMerchant');

const issuedKey = z.object({ id: z.string(), apiKey: z.string(), createdAt: z.string() }).openapi('IssuedApiKey');

const createMerchantRoute = createRoute({
  method: 'post',
  path: '/v1/admin/merchants',
  tags,
  security,
  summary: 'Create a merchant and its first API key',
  request: { body: { required: true, content: { 'application/json': { schema: merchantBody } } } },
  responses: { 201: jsonResponse(createdMerchant, 'The merchant, with its API key (shown once)') },
});

app.openapi(createMerchantRoute, async (c) => {
  const { name, mode } = c.req.valid('json');
  return c.json(await createMerchant(c.env, name, mode), 201);
});

const issueKeyRoute = createRoute({
  method: 'post',
  path: '/v1/admin/merchants/{id}/api-keys',
  tags,
  security,
  summary: 'Issue another API key for a merchant',
  request: {
    params: z.object({ id: z.string() }),
    body: { required: false, content: { 'application/json': { schema: z.strictObject({}) } } },
  },
  responses: { 201: jsonResponse(issuedKey, 'The new key (shown once)') },
});

app.openapi(issueKeyRoute, async (c) => {
  const key = await issueApiKey(c.env, c.req.valid('param').id);
  if (!key) throw notFound('No such merchant');
  return c.json(key, 201);
});

const revokeKeyRoute = createRoute({
  method: 'delete',
  path: '/v1/admin/api-keys/{keyId}',
  tags,
  security,
  summary: 'Revoke an API key (it stops working at once)',
  request: { params: z.object({ keyId: z.string() }) },
  responses: { 204: { description: 'Revoked' } },
});

app.openapi(revokeKeyRoute, async (c) => {
  if (!(await revokeApiKey(c.env, c.req.valid('param').keyId))) throw notFound('No such API key');
  return c.body(null, 204);
});

const httpsOrigin = z
  .string()
  .max(200)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.origin === value.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'Expected an https origin such as https://shop.example (scheme and host, no path)')
  .transform((value) => new URL(value).origin);

const brandingBody = z
  .strictObject({
    displayName: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .nullable()
      .optional()
      .openapi({ description: 'Shown on the checkout page instead of the name' }),
    logoUrl: z
      .url({ protocol: /^https?$/, error: 'Expected an absolute https URL' })
      .max(500)
      .nullable()
      .optional()
      .openapi({
        description: `PNG, JPEG or WebP of at most ${LOGO_MAX_BYTES / 1024} KiB, fetched once now (https, public host); null removes it`,
      }),
    accentColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'Expected a colour as #rrggbb')
      .nullable()
      .optional()
      .openapi({ description: 'Buttons and highlights, #rrggbb', example: '#0b6bcb' }),
    frameAncestors: z
      .array(httpsOrigin)
      .max(10)
      .optional()
      .openapi({ description: 'https origins that may embed /pay/{id} in a frame (CSP frame-ancestors); [] allows none' }),
  })
  .openapi('MerchantBrandingPatch');

const brandedMerchant = z
  .object({
    id: z.string(),
    name: z.string(),
    mode: z.enum(['test', 'live']),
    createdAt: z.string(),
    branding: z.object({
      displayName: z.string().nullable(),
      logoUrl: z.string().nullable(),
      logo: z.string().nullable().openapi({ description: 'The stored logo as a data URL' }),
      accentColor: z.string().nullable(),
      frameAncestors: z.array(z.string()),
    }),
  })
  .openapi('BrandedMerchant');

const patchMerchantRoute = createRoute({
  method: 'patch',
  path: '/v1/admin/merchants/{id}',
  tags,
  security,
  summary: "Set a merchant's checkout branding: display name, logo, accent colour, frame ancestors",
  request: { params: z.object({ id: z.string() }), body: { required: true, content: { 'application/json': { schema: brandingBody } } } },
  responses: { 200: jsonResponse(brandedMerchant, 'The merchant and its branding'), 422: { description: 'A field that cannot be used' } },
});

app.openapi(patchMerchantRoute, async (c) => {
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  const merchant = await getMerchant(c.env, id);
  if (!merchant) throw notFound('No such merchant');
  let logo: { url: string; dataUrl: string } | null | undefined;
  if (body.logoUrl) {
    // Fetched before anything is written: a logo that cannot be used leaves the merchant as it was.
    const fetched = await fetchLogo(body.logoUrl, c.env.ALLOW_PRIVATE_ENDPOINTS === 'true');
    if (!fetched.ok) throw unprocessable(`logoUrl ${fetched.reason}`, [{ path: 'logoUrl', message: fetched.reason }]);
    logo = { url: body.logoUrl, dataUrl: fetched.dataUrl };
  } else if (body.logoUrl === null) logo = null;
  await updateMerchantBranding(c.env, id, {
    displayName: body.displayName,
    logo,
    accentColor: body.accentColor?.toLowerCase() ?? body.accentColor,
    frameAncestors: body.frameAncestors,
  });
  const branding = (await getMerchantBranding(c.env, id))!;
  return c.json(
    {
      ...merchant,
      branding: {
        displayName: branding.displayName,
        logoUrl: branding.logoUrl,
        logo: branding.logoDataUrl,
        accentColor: branding.accentColor,
        frameAncestors: branding.frameAncestors,
      },
    },
    200,
  );
});

export default app;
