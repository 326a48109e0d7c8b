// The update check and download, for real: electron-updater's own AppImageUpdater reads a release
// feed (latest-linux.yml, and the file it names, checked against its sha512) from an HTTP server on
// 127.0.0.1, driven by the app's UpdateController. What is emulated: see test/helpers/update-feed.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UPDATE_CHECK_INTERVAL_MS } from '../../src/main/updates/update-controller';
import { feedUpdater, NEW_RELEASE, startUpdateFeed, type UpdateFeed } from '../helpers/update-feed';

let feed: UpdateFeed;
const disposers: (() => void)[] = [];
const savedAppImage = process.env['APPIMAGE'];

beforeAll(async () => {
  feed = await startUpdateFeed();
});
afterAll(async () => {
  await feed.close();
  if (savedAppImage === undefined) delete process.env['APPIMAGE'];
  else process.env['APPIMAGE'] = savedAppImage;
});
afterEach(() => {
  disposers.splice(0).forEach((dispose) => dispose());
  Object.assign(feed.state, { version: '1.1.0', status: 200, corrupt: false, requests: [] });
});

function setup(opts: { whenIdle?: () => Promise<void> } = {}) {
  const app = feedUpdater(feed, opts);
  disposers.push(app.dispose);
  return app;
}

describe('updates from a release feed', () => {
  it('finds a newer version at start, downloads it in the background and offers the restart once', async () => {
    const { controller, ready, downloaded, installs } = setup();
    controller.start();
    await controller.checkNow();
    expect(ready).toEqual(['1.1.0']);
    expect(controller.readyVersion).toBe('1.1.0');
    expect(downloaded()).toEqual([NEW_RELEASE]);
    expect(feed.state.requests.some((r) => r.startsWith('/latest-linux.yml'))).toBe(true);
    // Nothing installs until the user asks (or quits).
    expect(installs).toEqual([]);
    await controller.install();
    expect(installs).toEqual([{ silent: false, runAfter: true }]);
  });

  it('does nothing when the feed has the running version, and looks again a day later', async () => {
    feed.state.version = '1.0.0';
    const { controller, ready, downloaded, timers } = setup();
    await controller.checkNow();
    expect(ready).toEqual([]);
    expect(downloaded()).toEqual([]);
    expect(timers.pending.map((t) => t.ms)).toEqual([UPDATE_CHECK_INTERVAL_MS]);
    // A release appears; the daily look finds it.
    feed.state.version = '1.1.0';
    timers.pending[0]!.fn();
    await controller.checkNow();
    expect(ready).toEqual(['1.1.0']);
  });

  it('an unreachable or failing feed is not an error: nothing is offered, the next look is scheduled', async () => {
    feed.state.status = 503;
    const { controller, ready, timers, warnings } = setup();
    await expect(controller.checkNow()).resolves.toBeUndefined();
    expect(warnings.join('\n')).toMatch(/503/);
    expect(ready).toEqual([]);
    expect(controller.readyVersion).toBeNull();
    expect(timers.pending).toHaveLength(1);
  });

  it('a download whose checksum does not match the feed is not offered', async () => {
    feed.state.corrupt = true;
    const { controller, ready, downloaded, warnings } = setup();
    await controller.checkNow();
    expect(warnings.join('\n')).toMatch(/sha512 checksum mismatch/);
    expect(ready).toEqual([]);
    expect(controller.readyVersion).toBeNull();
    expect(downloaded()).toEqual([]);
  });

  it('restarting to update waits until no sync or push runs', async () => {
    let finishSync: () => void = () => undefined;
    const syncDone = new Promise<void>((done) => (finishSync = done));
    const { controller, installs } = setup({ whenIdle: () => syncDone });
    await controller.checkNow();
    const installing = controller.install();
    await new Promise(setImmediate);
    expect(installs).toEqual([]);
    finishSync();
    await installing;
    expect(installs).toHaveLength(1);
  });

  it('refuses to install when nothing was downloaded', async () => {
    feed.state.version = '1.0.0';
    const { controller, installs } = setup();
    await controller.checkNow();
    await expect(controller.install()).rejects.toThrow('No update has been downloaded');
    expect(installs).toEqual([]);
  });
});
