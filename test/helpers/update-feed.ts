// A release feed on 127.0.0.1 (latest-linux.yml and the AppImage it names, with its sha512) and the
// app's UpdateController driving electron-updater's own AppImageUpdater against it.
// Emulated: Electron's network stack (electron-updater's HTTP executor, with its request made by
// node:http instead of electron.net), the app object (a plain AppAdapter, as electron-updater's own
// tests use), and the final restart (quitAndInstall is recorded, not run: it would exec the new
// AppImage).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppImageUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter.js';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor.js';
import { nullLogger } from '../../src/main/log/logger';
import type { Timers } from '../../src/main/service/timers';
import { UpdateController, type Updater } from '../../src/main/updates/update-controller';

/** electron-updater's executor, minus electron.net. */
class NodeNetExecutor extends ElectronHttpExecutor {
  override createRequest(
    options: Parameters<ElectronHttpExecutor['createRequest']>[0],
    callback: (response: unknown) => void,
  ) {
    return request(options as never, callback) as never;
  }
}

/** The bytes of the new release the feed serves. */
export const NEW_RELEASE = Buffer.from('#!/bin/sh\necho "Screendesk Desktop 1.1.0"\n'.repeat(2_000));

export interface UpdateFeed {
  baseUrl: string;
  /** What the feed serves now: tests change it. corrupt: one byte differs from the sha512. */
  state: { version: string; status: number; corrupt: boolean; requests: string[] };
  close(): Promise<void>;
}

export async function startUpdateFeed(): Promise<UpdateFeed> {
  const state = { version: '1.1.0', status: 200, corrupt: false, requests: [] as string[] };
  const server = createServer((req, res) => {
    state.requests.push(req.url ?? '');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (state.status !== 200) return void res.writeHead(state.status).end('unavailable');
    if (path === '/latest-linux.yml') {
      const sha512 = createHash('sha512').update(NEW_RELEASE).digest('base64');
      const file = `Screendesk-Desktop-${state.version}.AppImage`;
      res.writeHead(200, { 'content-type': 'text/yaml' });
      return void res.end(
        [
          `version: ${state.version}`,
          'files:',
          `  - url: ${file}`,
          `    sha512: ${sha512}`,
          `    size: ${NEW_RELEASE.length}`,
          `path: ${file}`,
          `sha512: ${sha512}`,
          "releaseDate: '2026-12-01T10:00:00.000Z'",
          '',
        ].join('\n'),
      );
    }
    if (path.endsWith('.AppImage')) {
      const body = state.corrupt ? Buffer.concat([Buffer.from('!'), NEW_RELEASE.subarray(1)]) : NEW_RELEASE;
      res.writeHead(200, { 'content-length': body.length });
      return void res.end(body);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    state,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** A timer queue the test fires by hand: the daily look, without waiting a day. */
export function manualTimers(): Timers & { pending: { fn: () => void; ms: number }[] } {
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

/**
 * The installed app (an AppImage of version 1.0.0 whose build embedded `feed`) with its updater.
 * Sets APPIMAGE, as the AppImage runtime does; `dispose` removes the folder (the caller restores
 * APPIMAGE).
 */
export function feedUpdater(feed: UpdateFeed, opts: { whenIdle?: () => Promise<void> } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sdesk-update-'));
  writeFileSync(join(dir, 'current.AppImage'), 'old');
  process.env['APPIMAGE'] = join(dir, 'current.AppImage');
  writeFileSync(
    join(dir, 'app-update.yml'),
    `provider: generic\nurl: ${feed.baseUrl}\nupdaterCacheDirName: screendesk-desktop-updater\n`,
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
  const dispose = (): void => {
    controller.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { controller, installs, ready, timers, downloaded, warnings, dispose };
}
