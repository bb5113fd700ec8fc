import { DASHBOARD_SCRIPT } from './script';
import { DASHBOARD_CSS } from './styles';

/** A short hash of the assets' text: their URLs change whenever they do, so they can be cached for a year. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

export const ASSET_VERSION = fnv1a(DASHBOARD_CSS + DASHBOARD_SCRIPT);

const CACHE = 'public, max-age=31536000, immutable';

/** The stylesheet and the script: static, public, same-origin. */
export const ASSETS: Record<string, { body: string; type: string }> = {
  'app.css': { body: DASHBOARD_CSS, type: 'text/css; charset=utf-8' },
  'app.js': { body: DASHBOARD_SCRIPT, type: 'text/javascript; charset=utf-8' },
};

export function assetResponse(name: string): Response | null {
  const asset = ASSETS[name];
  if (!asset) return null;
  return new Response(asset.body, { headers: { 'content-type': asset.type, 'cache-control': CACHE, 'x-content-type-options': 'nosniff' } });
}
