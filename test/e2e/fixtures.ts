// The e2e world: every test gets its own browser host (the real service in this Node process, a fresh
// data folder, the renderer built by global-setup.ts) and a page signed in to nothing. Tests that need
// a server of their own start a demo server with `demo()`; everything started is closed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../src/main/browser-host';
import { startDemoServer, type DemoServer, type DemoServerOptions } from '../../src/main/demo';
import type { Logger } from '../../src/main/log/logger';
import { E2E_RENDERER_DIR, SCREENSHOT_DIR } from './paths';

/** Host settings a test may change with test.use(). */
export interface HostOptions {
  /** Recordings in the data set "Try demo data" serves. */
  demoRecordings: number;
}

interface Fixtures {
  host: BrowserHost;
  /** Starts a demo server that is closed after the test. */
  demo: (opts?: DemoServerOptions) => Promise<DemoServer>;
  /** Saves a screenshot of the page as screenshots/{light|dark}/NAME.png. */
  shoot: (name: string) => Promise<void>;
}

// The host's chatter stays out of the report; errors are worth seeing next to a failure.
const quietLog: Logger = {
  info() {},
  warn() {},
  error: (message, detail) => console.error(`[host] ${message}`, detail ?? ''),
  addSecret() {},
};

export const test = base.extend<Fixtures & HostOptions>({
  demoRecordings: [250, { option: true }],

  host: async ({ demoRecordings }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'screendesk-e2e-'));
    const host = await startBrowserHost({
      dataDir,
      rendererDir: E2E_RENDERER_DIR,
      log: quietLog,
      tuning: {
        demoRecordings,
        // Offline is found out by real requests; probe back quickly so a test does not wait 30 s.
        probeIntervalMs: 500,
        // Fail fast when the server is down: the queue, not the request, is what keeps an edit.
        client: { retry: { maxAttempts: 2, baseDelayMs: 100, maxDelayMs: 200 } },
      },
    });
    await use(host);
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  demo: async ({}, use) => {
    const started: DemoServer[] = [];
    await use(async (opts) => {
      const server = await startDemoServer(opts);
      started.push(server);
      return server;
    });
    await Promise.all(started.map((s) => s.close()));
  },

  page: async ({ page, host }, use) => {
    // Anything that would only happen if recording text ran as code fails the test.
    page.on('dialog', (dialog) => {
      throw new Error(`Unexpected dialog: ${dialog.message()}`);
    });
    await page.goto(host.url);
    await use(page);
  },

  shoot: async ({ page, colorScheme }, use) => {
    await use(async (name) => {
      const scheme = colorScheme === 'dark' ? 'dark' : 'light';
      await page.screenshot({ path: join(SCREENSHOT_DIR, scheme, `${name}.png`) });
    });
  },
});

export { expect };

/** Signs in with "Try demo data" and waits for the first sync to fill the list. */
export async function signInDemo(page: Page, expected = 250): Promise<void> {
  await page.getByRole('button', { name: 'Try demo data' }).click();
  await expect(page.getByTestId('result-count')).toHaveText(
    `${expected.toLocaleString('en-US')} recordings`,
    {
      timeout: 60_000,
    },
  );
  await expect(page.getByTestId('last-sync')).toContainText('Last synced');
}

/** The search box. */
export function searchBox(page: Page): ReturnType<Page['getByRole']> {
  return page.getByRole('searchbox', { name: 'Search recordings' });
}

/** The result list. */
export function results(page: Page): ReturnType<Page['getByRole']> {
  return page.getByRole('listbox', { name: /^Recordings/ });
}

/** Expects the first label of the description list `list` beside its value, on the same line. */
export async function expectPairsSideBySide(list: Locator): Promise<void> {
  const label = await list.locator('dt').first().boundingBox();
  const value = await list.locator('dd').first().boundingBox();
  if (label === null || value === null) throw new Error('a description list without a visible pair');
  expect(Math.abs(label.y - value.y)).toBeLessThan(2);
  expect(value.x).toBeGreaterThanOrEqual(label.x + label.width);
}
