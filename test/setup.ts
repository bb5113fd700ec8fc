import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// Real D1 from miniflare, migrated like production; storage is isolated per test file.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
