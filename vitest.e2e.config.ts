import { defineConfig } from 'vitest/config';

// The browser test runs in Node (not workerd): it starts `npm run dev` itself and drives Chromium.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
