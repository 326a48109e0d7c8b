// "Restart to update" in the status bar: an update found and downloaded from a release feed on
// 127.0.0.1 (electron-updater's AppImageUpdater driven by the app's UpdateController; see
// test/helpers/update-feed.ts for what is emulated) is offered once signed in, and clicking it
// restarts into it through the service.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../src/main/browser-host';
import { feedUpdater, startUpdateFeed } from '../helpers/update-feed';
import { test as base, expect, signInDemo } from './fixtures';
import { E2E_RENDERER_DIR } from './paths';

type FeedApp = ReturnType<typeof feedUpdater>;

const test = base.extend<{ update: FeedApp & { hostReady: (host: BrowserHost) => void } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  update: async ({}, use) => {
    const saved = process.env['APPIMAGE'];
    const feed = await startUpdateFeed();
    let host: BrowserHost | null = null;
    const app = feedUpdater(feed, { whenIdle: () => host?.service.whenIdle() ?? Promise.resolve() });
    // The app looked at start and downloaded 1.1.0 before the window asked.
    await app.controller.checkNow();
    await use({ ...app, hostReady: (h) => (host = h) });
    app.dispose();
    await feed.close();
    if (saved === undefined) delete process.env['APPIMAGE'];
    else process.env['APPIMAGE'] = saved;
  },
  host: async ({ update }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'screendesk-e2e-update-'));
    const host = await startBrowserHost({
      dataDir,
      rendererDir: E2E_RENDERER_DIR,
      updates: update.controller,
      tuning: { probeIntervalMs: 500 },
    });
    update.hostReady(host);
    await use(host);
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

test('a downloaded update is offered in the status bar and installs on "Restart to update"', async ({
  page,
  update,
}) => {
  expect(update.ready).toEqual(['1.1.0']);
  await signInDemo(page);
  const restart = page.getByTestId('restart-to-update');
  await expect(restart).toHaveText('Restart to update');
  await expect(restart).toHaveAttribute('title', 'Version 1.1.0 is downloaded');
  await restart.click();
  await expect(restart).toBeDisabled();
  await expect.poll(() => update.installs).toEqual([{ silent: false, runAfter: true }]);
});
