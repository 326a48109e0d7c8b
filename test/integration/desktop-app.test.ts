// The desktop app's Electron glue, executed: the built main and preload under the stand-in Electron
// (test/electron-standin), the renderer in real Chromium. What a user's first start, a second start,
// "Try demo data" → sync → search → edit → push, and quitting do.
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../src/shared/channels';
import { accountDbPath, accountIdFor } from '../../src/main/db';
import type { StandInApp, StandInOptions } from '../electron-standin';
import { indexOf, useStandIn } from '../helpers/standin-fixture';

const standIn = useStandIn();
const launch = (opts: Partial<StandInOptions> = {}): Promise<StandInApp> => standIn.launch(opts);
const freshDataDir = (): string => standIn.dataDir();

describe('boot', () => {
  it('sets the data folder, takes the lock and migrates the last cache before the window opens', async () => {
    const dataDir = freshDataDir();
    const apiUrl = 'https://screendesk.example/api/v2';
    const accountId = accountIdFor(apiUrl, 'a-token-that-is-long-enough');
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ lastAccount: { apiUrl, demo: false, accountId }, lastApiUrl: apiUrl }),
    );
    const app = await launch({ dataDir });
    const created = await app.waitForEvent('window:create');
    const setPath = indexOf(app, 'app:setPath', (e) => e['name'] === 'userData' && e['path'] === dataDir);
    const lock = indexOf(app, 'app:singleInstanceLock', (e) => e['got'] === true);
    const ready = indexOf(app, 'app:ready');
    const window = app.timeline.indexOf(created);
    expect(setPath).toBeGreaterThanOrEqual(0);
    expect(lock).toBeGreaterThan(setPath);
    expect(ready).toBeGreaterThan(lock);
    expect(window).toBeGreaterThan(ready);
    // The cache of the account the user was signed in to exists, migrated, before its window does.
    const cache = accountDbPath('', accountId).replace(/^\//, '');
    expect(created['files']).toContain(cache);
  });

  it('a second start on the same data folder focuses the first window and quits', async () => {
    const dataDir = freshDataDir();
    const first = await launch({ dataDir });
    await first.page();
    const second = await launch({ dataDir });
    const exit = await second.exited;
    expect(exit.code).toBe(0);
    expect(second.timeline.some((e) => e.type === 'window:create')).toBe(false);
    await first.waitForEvent('app:second-instance');
    await first.waitForEvent('window:focus');
    expect(first.windowIds()).toHaveLength(1);
  });
});

describe('the IPC surface', () => {
  it('registers a handler for every contract channel and no other', async () => {
    const app = await launch();
    await app.page();
    expect((await app.ipcChannels()).sort()).toEqual([...REQUEST_CHANNELS].sort());
  });

  it('the preload exposes exactly the contract as window.api, and nothing else on window', async () => {
    const app = await launch();
    const page = await app.page();
    const exposed = await app.exposed();
    expect(Object.keys(exposed)).toEqual(['api']);
    const api = exposed['api'];
    expect(api && 'obj' in api ? Object.keys(api.obj).sort() : null).toEqual(
      [...REQUEST_CHANNELS, 'on'].sort(),
    );
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(
      await page.evaluate(() => typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer),
    ).toBe('undefined');
  });

  it('answers the page through IPC, and refuses to clone a Svelte $state proxy as Electron does', async () => {
    const app = await launch();
    const page = await app.page();
    const info = await page.evaluate(() => window.api!['app:info']());
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', name: 'Screendesk Desktop' } });
    const proxied = await page.evaluate(() => {
      try {
        void window.api!['search:query'](new Proxy({ query: 'x' }, {}) as never);
        return 'crossed';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(proxied).toBe('An object could not be cloned.');
  });

  it('refuses a foreign page, a subframe and another window', async () => {
    const app = await launch();
    await app.page();
    const refused = { ok: false, error: { code: 'forbidden' } };
    expect(await app.invokeAs({ url: 'https://evil.example/' }, 'app:info')).toMatchObject(refused);
    expect(await app.invokeAs({ isMainFrame: false }, 'app:info')).toMatchObject(refused);
    expect(await app.invokeAs({ fromOurWindow: false }, 'app:info')).toMatchObject(refused);
    expect(await app.invokeAs({}, 'app:info')).toMatchObject({ ok: true });
  });

  it('a page of another origin in our window gets no answer, even with the preload in it', async () => {
    const foreign = createServer((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>not ours</title>'),
    );
    await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', r));
    try {
      const app = await launch();
      await app.page();
      const url = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`;
      const page = await app.navigateBypassingGuard(url);
      expect(await page.title()).toBe('not ours');
      expect(await page.evaluate(() => typeof window.api)).toBe('object');
      const answer = await page.evaluate(() => window.api!['account:state']());
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      await new Promise((r) => foreign.close(r));
    }
  });
});

describe('using it', () => {
  it('Try demo data → sync → search → edit → push, then a clean quit', async () => {
    const dataDir = freshDataDir();
    const app = await launch({ dataDir });
    const page = await app.page();
    await page.getByRole('button', { name: 'Try demo data' }).click();
    await page.getByTestId('result-count').filter({ hasText: '250 recordings' }).waitFor({ timeout: 60_000 });

    await page.getByRole('searchbox', { name: 'Search recordings' }).fill('checkout');
    await page.getByTestId('result-count').filter({ hasNotText: '250 recordings' }).waitFor();
    const found = await page.evaluate(() => window.api!['search:query']({ query: 'checkout', limit: 5 }));
    expect(found.ok).toBe(true);
    const hit = found.ok ? found.value.results[0] : undefined;
    expect(hit).toBeDefined();

    const edited = await page.evaluate(
      (uuid) => window.api!['outbox:edit']({ uuid, fields: { title: 'Checkout fails with 2FA' } }),
      hit!.uuid,
    );
    expect(edited.ok).toBe(true);
    const pushed = await page.evaluate(() => window.api!['outbox:push']());
    expect(pushed).toMatchObject({ ok: true, value: { pending: 0, failed: 0, conflict: 0 } });
    const synced = await page.evaluate(() => window.api!['sync:now']());
    expect(synced.ok).toBe(true);
    const shown = await page.evaluate((uuid) => window.api!['recording:get']({ uuid }), hit!.uuid);
    expect(shown).toMatchObject({ ok: true, value: { recording: { title: 'Checkout fails with 2FA' } } });

    const state = await page.evaluate(() => window.api!['account:state']());
    const demoUrl = new URL(state.ok ? (state.value.apiUrl ?? '') : '');
    const cache = accountDbPath(dataDir, state.ok ? (state.value.accountId ?? '') : '');
    expect(existsSync(`${cache}-wal`)).toBe(true);

    const exit = await app.quit();
    expect(exit.code).toBe(0);
    // The database was closed (SQLite removes the write-ahead log at the last clean close) …
    expect(existsSync(cache)).toBe(true);
    expect(existsSync(`${cache}-wal`)).toBe(false);
    // … and the demo server stopped.
    const reachable = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(demoUrl.port), '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    expect(reachable).toBe(false);
  });

  it('delivers events from main to the page listener, and its disposer stops them', async () => {
    const app = await launch();
    const page = await app.page();
    const got = await page.evaluate(async () => {
      const seen: string[] = [];
      const off = window.api!.on('account:changed', () => seen.push('account:changed'));
      await window.api!['account:signInDemo']();
      await new Promise((r) => setTimeout(r, 500));
      off();
      return seen.length;
    });
    expect(got).toBeGreaterThan(0);
    expect(EVENT_CHANNELS).toContain('account:changed');
  });
});
