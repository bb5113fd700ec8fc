import { publicOrigin } from '../lib/public-origin';
import { createRouter } from '../lib/router';

const app = createRouter();

/**
 * Where the reference UI's script is served from: the pinned `@scalar/api-reference` standalone bundle,
 * copied from node_modules into Workers static assets (`[assets]` in wrangler.toml, scripts/docs-assets.mjs).
 * Same origin, no CDN: the page works offline and loads nothing we did not ship.
 */
export const SCALAR_SCRIPT = '/docs/assets/scalar-api-reference.js';

// Scalar's defaults fetch fonts from its CDN and offer its hosted AI agent, MCP and telemetry: all off.
const CONFIG = {
  url: '/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: 'never',
  persistAuth: false,
  documentDownloadType: 'json',
  authentication: { preferredSecurityScheme: 'apiKey' },
};

function nonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
}

/**
 * What the page may load: its script and the bundle (self), styles Scalar injects at run time (inline),
 * the document and "try it" requests to this origin (and PUBLIC_BASE_URL's, which `servers` names), images
 * and fonts Scalar embeds as data: URLs. Nothing from anywhere else.
 */
export function docsCsp(scriptNonce: string, apiOrigin: string): string {
  const connect = apiOrigin ? `'self' ${apiOrigin}` : "'self'";
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${scriptNonce}'`,
    "style-src 'self' 'unsafe-inline'",
    `connect-src ${connect}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

// Interactive reference over /openapi.json; "Authorize" with an sk_test_… key to try requests.
app.get('/docs', (c) => {
  const scriptNonce = nonce();
  const origin = publicOrigin(c.env, c.req.url);
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>VietQR router API reference</title>
</head>
<body>
<div id="app"></div>
<noscript>The interactive reference needs JavaScript; the document itself is <a href="/openapi.json">/openapi.json</a>.</noscript>
<script src="${SCALAR_SCRIPT}"></script>
<script nonce="${scriptNonce}">Scalar.createApiReference('#app', ${JSON.stringify(CONFIG)});</script>
</body>
</html>
`;
  return c.body(page, 200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': docsCsp(scriptNonce, origin === new URL(c.req.url).origin ? '' : origin),
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });
});

export default app;
