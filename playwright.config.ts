import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './test/helpers/chromium';

// Two suites: the interface in the system Chromium against the browser host and the demo server
// (test/e2e), and the packaged Electron app (test/e2e-electron). Playwright cannot download browsers
// here, so Chromium is Debian's where there is one; elsewhere (macOS, Windows in CI) Playwright's
// own, which scripts/setup.sh installs.
export default defineConfig({
  outputDir: 'test-results/playwright',
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  retries: 0,
  projects: [
    {
      // Builds the renderer the chromium project serves (see test/e2e/build.setup.ts).
      name: 'chromium-setup',
      testDir: 'test/e2e',
      testMatch: /build\.setup\.ts$/,
    },
    {
      name: 'chromium',
      testDir: 'test/e2e',
      dependencies: ['chromium-setup'],
      use: {
        viewport: { width: 1280, height: 800 },
        locale: 'en-US',
        timezoneId: 'UTC',
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
        launchOptions: CHROMIUM_LAUNCH,
      },
    },
    {
      name: 'electron',
      testDir: 'test/e2e-electron',
    },
  ],
});
