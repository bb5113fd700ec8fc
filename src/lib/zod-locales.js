// Bundled in place of zod's `locales/index.js` (wrangler.toml [alias]): zod's `z` namespace re-exports
// all 60+ locales, which no bundler can shake out of a namespace object, and they were over half of
// the Worker's code. Our error messages are English only, so only `en` is kept.
export { default as en } from 'zod/v4/locales/en.js';
