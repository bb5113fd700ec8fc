import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig(async () => {
  const migrations = await readD1Migrations('migrations');
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            ADMIN_TOKEN: 'test-admin-token-0123456789abcdef0123',
            SECRETS_KEY: 'dGVzdC1vbmx5LXNlY3JldHMta2V5LTMyLWJ5dGVzISE=',
            PUBLIC_BASE_URL: 'https://router.test',
            ALLOW_PRIVATE_ENDPOINTS: 'false',
          },
          // Small limits for the abuse-limit tests (the deployed ones are in wrangler.toml).
          ratelimits: {
            TEST_RATE_LIMIT_1: { namespace_id: '49001', simple: { limit: 1, period: 60 } },
            TEST_RATE_LIMIT_4: { namespace_id: '49004', simple: { limit: 4, period: 60 } },
            TEST_RATE_LIMIT_5: { namespace_id: '49005', simple: { limit: 5, period: 60 } },
          },
        },
      }),
    ],
    test: {
      include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/fuzz/**/*.test.ts', 'test/openapi/**/*.test.ts'],
      setupFiles: ['./test/setup.ts'],
      testTimeout: 30_000,
    },
  };
});
