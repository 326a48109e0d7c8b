import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

// Tests are laid out by what they need: unit tests are pure (test/helpers/unit-guard.ts fails one that
// touches the disk, a socket, SQLite or a process), integration tests use real SQLite files, HTTP, the
// keychain and child processes. e2e (Chromium) runs under Playwright.
export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // better-sqlite3 and keytar are native: forks isolate them better than worker threads.
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/helpers/unit-guard.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'] },
      },
    ],
  },
});
