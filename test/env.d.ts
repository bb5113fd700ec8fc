// Types of the bindings the tests see: the Worker's own (worker-configuration.d.ts) plus those vitest.config.ts adds.
// `env` from 'cloudflare:workers' (and 'cloudflare:test') is `Cloudflare.Env`; src/ uses the global `Env`, which stays as generated.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    PUBLIC_BASE_URL: string;
    TEST_RATE_LIMIT_1: RateLimit;
    TEST_RATE_LIMIT_4: RateLimit;
    TEST_RATE_LIMIT_5: RateLimit;
  }
}
