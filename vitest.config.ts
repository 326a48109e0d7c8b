import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // better-sqlite3 and keytar are native: forks isolate them better than worker threads.
    pool: 'forks',
    // The node tests above, and the renderer's components and stores in jsdom (their own config).
    projects: [{ extends: true, test: { name: 'node' } }, 'vitest.component.config.ts'],
  },
});
