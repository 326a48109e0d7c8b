// The update check and download, for real: electron-updater's own AppImageUpdater reads a release
// feed (latest-linux.yml, and the file it names, checked against its sha512) from an HTTP server on
// 127.0.0.1, driven by the app's UpdateController.
// Emulated: Electron's network stack (electron-updater's HTTP executor, with its request made by
// node:http instead of electron.net), the app object (a plain AppAdapter, as electron-updater's own
// tests use), and the final restart (quitAndInstall is recorded, not run: it would exec the new
// AppImage).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppImageUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  UpdateController,
  UPDATE_CHECK_INTERVAL_MS,
  type Updater,
} from '../../src/main/updates/update-controller';
import { nullLogger } from '../../src/main/service/log';
import type { Timers } from '../../src/main/service/timers';

/** electron-updater's executor, minus electron.net. */
class NodeNetExecutor extends ElectronHttpExecutor {
  override createRequest(
    options: Parameters<ElectronHttpExecutor['createRequest']>[0],
    callback: (response: unknown) => void,
  ) {
    return request(options as never, callback) as never;
  }
}

const newRelease = Buffer.from('#!/bin/sh\necho "Screendesk Desktop 1.1.0"\n'.repeat(2_000));
const feed = { version: '1.1.0', status: 200, corrupt: false, requests: [] as string[] };
let server: Server;
let baseUrl = '';
const temp: string[] = [];
const savedAppImage = process.env['APPIMAGE'];

beforeAll(async () => {
  server = createServer((req, res) => {
    feed.requests.push(req.url ?? '');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (feed.status !== 200) return void res.writeHead(feed.status).end('unavailable');
    if (path === '/latest-linux.yml') {
      const sha512 = createHash('sha512').update(newRelease).digest('base64');
      const file = `Screendesk-Desktop-${feed.version}.AppImage`;
      res.writeHead(200, { 'content-type': 'text/yaml' });
      return void res.end(
        [
          `version: ${feed.version}`,
          'files:',
          `  - url: ${file}`,
          `    sha512: ${sha512}`,
          `    size: ${newRelease.length}`,
          `path: ${file}`,
          `sha512: ${sha512}`,
          "releaseDate: '2026-12-01T10:00:00.000Z'",
          '',
        ].join('\n'),
      );
    }
    if (path.endsWith('.AppImage')) {
      // corrupt: one byte differs from what latest-linux.yml's sha512 describes.
      const body = feed.corrupt ? Buffer.concat([Buffer.from('!'), newRelease.subarray(1)]) : newRelease;
      res.writeHead(200, { 'content-length': body.length });
      return void res.end(body);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  temp.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  if (savedAppImage === undefined) delete process.env['APPIMAGE'];
  else process.env['APPIMAGE'] = savedAppImage;
});
afterEach(() => {
  feed.version = '1.1.0';
  feed.status = 200;
  feed.corrupt = false;
  feed.requests = [];
});

/** A timer queue the test fires by hand: the daily look, without waiting a day. */
function manualTimers(): Timers & { pending: { fn: () => void; ms: number }[] } {
  const pending: { fn: () => void; ms: number }[] = [];
  return {
    pending,
    setTimeout: (fn, ms) => {
      const entry = { fn, ms };
      pending.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      const at = pending.indexOf(handle as (typeof pending)[number]);
      if (at >= 0) pending.splice(at, 1);
    },
  };
}

function setup(opts: { whenIdle?: () => Promise<void> } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sdesk-update-'));
  temp.push(dir);
  // The app as installed: an AppImage of version 1.0.0 whose build embedded this feed.
  writeFileSync(join(dir, 'current.AppImage'), 'old');
  process.env['APPIMAGE'] = join(dir, 'current.AppImage');
  writeFileSync(
    join(dir, 'app-update.yml'),
    `provider: generic\nurl: ${baseUrl}\nupdaterCacheDirName: screendesk-desktop-updater\n`,
  );
  const app: AppAdapter = {
    version: '1.0.0',
    name: 'Screendesk Desktop',
    isPackaged: true,
    appUpdateConfigPath: join(dir, 'app-update.yml'),
    userDataPath: join(dir, 'user-data'),
    baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  const updater = new AppImageUpdater(null, app);
  (updater as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = new NodeNetExecutor();
  updater.logger = null;
  updater.disableDifferentialDownload = true;
  const installs: { silent?: boolean; runAfter?: boolean }[] = [];
  updater.quitAndInstall = (silent?: boolean, runAfter?: boolean) => void installs.push({ silent, runAfter });
  const ready: string[] = [];
  const warnings: string[] = [];
  const log = {
    ...nullLogger,
    warn: (message: string, detail?: unknown) => void warnings.push(`${message}: ${String(detail)}`),
  };
  const timers = manualTimers();
  const controller = new UpdateController({
    updater: updater as Updater,
    timers,
    log,
    whenIdle: opts.whenIdle ?? (() => Promise.resolve()),
    onReady: (version) => ready.push(version),
  });
  const downloaded = (): Buffer[] => {
    const cache = join(dir, 'cache', 'screendesk-desktop-updater', 'pending');
    try {
      return readdirSync(cache)
        .filter((f) => f.endsWith('.AppImage') && statSync(join(cache, f)).isFile())
        .map((f) => readFileSync(join(cache, f)));
    } catch {
      return [];
    }
  };
  return { controller, updater, installs, ready, timers, downloaded, warnings };
}

describe('updates from a release feed', () => {
  it('finds a newer version at start, downloads it in the background and offers the restart once', async () => {
    const { controller, ready, downloaded, installs } = setup();
    controller.start();
    await controller.checkNow();
    expect(ready).toEqual(['1.1.0']);
    expect(controller.readyVersion).toBe('1.1.0');
    expect(downloaded()).toEqual([newRelease]);
    expect(feed.requests.some((r) => r.startsWith('/latest-linux.yml'))).toBe(true);
    // Nothing installs until the user asks (or quits).
    expect(installs).toEqual([]);
    await controller.install();
    expect(installs).toEqual([{ silent: false, runAfter: true }]);
  });

  it('does nothing when the feed has the running version, and looks again a day later', async () => {
    feed.version = '1.0.0';
    const { controller, ready, downloaded, timers } = setup();
    await controller.checkNow();
    expect(ready).toEqual([]);
    expect(downloaded()).toEqual([]);
    expect(timers.pending.map((t) => t.ms)).toEqual([UPDATE_CHECK_INTERVAL_MS]);
    // A release appears; the daily look finds it.
    feed.version = '1.1.0';
    timers.pending[0]!.fn();
    await controller.checkNow();
    expect(ready).toEqual(['1.1.0']);
  });

  it('an unreachable or failing feed is not an error: nothing is offered, the next look is scheduled', async () => {
    feed.status = 503;
    const { controller, ready, timers, warnings } = setup();
    await expect(controller.checkNow()).resolves.toBeUndefined();
    expect(warnings.join('\n')).toMatch(/503/);
    expect(ready).toEqual([]);
    expect(controller.readyVersion).toBeNull();
    expect(timers.pending).toHaveLength(1);
  });

  it('a download whose checksum does not match the feed is not offered', async () => {
    feed.corrupt = true;
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
    feed.version = '1.0.0';
    const { controller, installs } = setup();
    await controller.checkNow();
    await expect(controller.install()).rejects.toThrow('No update has been downloaded');
    expect(installs).toEqual([]);
  });
});
