// First launch, as Electron really behaves (through the stand-in): what would break a user's first
// start of the app, each shown on the built main.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticFile } from '../../src/main/browser-host';
import { BUILT } from '../electron-standin/built-app';
import { indexOf, useStandIn } from '../helpers/standin-fixture';

const standIn = useStandIn();
const servers: { close(cb?: () => void): unknown }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(() => r(null)))));
});

describe('the data folder', () => {
  it('is created when SCREENDESK_DATA_DIR names a folder that does not exist yet', async () => {
    const dataDir = join(standIn.folder(), 'new', 'data');
    const app = await standIn.launch({ dataDir });
    await app.page();
    expect(statSync(dataDir).isDirectory()).toBe(true);
  });

  it('a relative SCREENDESK_DATA_DIR is taken from the working directory', async () => {
    const cwd = standIn.folder();
    const app = await standIn.launch({ dataDir: 'rel-data', cwd });
    await app.page();
    expect(
      indexOf(app, 'app:setPath', (e) => e['name'] === 'userData' && e['path'] === join(cwd, 'rel-data')),
    ).toBeGreaterThanOrEqual(0);
  });
});

describe('an error during start-up', () => {
  it('is shown, the app quits, and the next start is not blocked by a lock', async () => {
    const dataDir = standIn.dataDir();
    const broken = await standIn.launch({ dataDir, env: { STANDIN_FAIL_ON: 'Menu.setApplicationMenu' } });
    const box = await broken.waitForEvent('dialog:showErrorBox');
    expect(String(box['content'])).toContain('Menu.setApplicationMenu failed');
    const exit = await broken.exited;
    expect(exit.code).not.toBe(0);
    const next = await standIn.launch({ dataDir });
    await next.page();
    expect(indexOf(next, 'app:singleInstanceLock', (e) => e['got'] === true)).toBeGreaterThanOrEqual(0);
  });
});

describe('the window', () => {
  it('a saved maximized window is maximized once its content is ready, never shown blank', async () => {
    const dataDir = standIn.dataDir();
    writeFileSync(
      join(dataDir, 'window-state.json'),
      JSON.stringify({ bounds: { x: 10, y: 10, width: 1000, height: 700 }, maximized: true }),
    );
    const app = await standIn.launch({ dataDir });
    await app.page();
    await app.waitForEvent('window:maximize');
    const ready = indexOf(app, 'window:ready-to-show');
    expect(indexOf(app, 'window:maximize')).toBeGreaterThan(ready);
    expect(
      app.timeline.filter((e) => e.type === 'window:show').every((e) => e['contentLoaded'] === true),
    ).toBe(true);
  });

  it('opens before the keychain answers (its probe may take seconds)', async () => {
    // A D-Bus "session bus" that accepts the connection and never answers: the keychain probe hangs.
    const dir = standIn.folder();
    const socketPath = join(dir, 'bus');
    const connections: number[] = [];
    let appRef: { timeline: readonly { type: string }[] } | null = null;
    const sockets: Socket[] = [];
    const bus: Server = createServer((socket) => {
      connections.push(appRef?.timeline.findIndex((e) => e.type === 'window:create') ?? -1);
      sockets.push(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((r) => bus.listen(socketPath, r));
    servers.push({ close: (cb) => (sockets.forEach((s) => s.destroy()), bus.close(cb)) });
    const app = await standIn.launch({ env: { DBUS_SESSION_BUS_ADDRESS: `unix:path=${socketPath}` } });
    appRef = app;
    await app.page();
    await expect.poll(() => connections.length, { timeout: 15_000 }).toBeGreaterThan(0);
    // When the keychain was first asked, the window already existed.
    expect(connections[0]).toBeGreaterThanOrEqual(0);
  });
});

describe('development', () => {
  it('in `npm run dev`, the dev server may reload our page; other pages stay refused', async () => {
    // A stand-in for Vite's dev server: the built renderer over http.
    const dev = createHttpServer((req, res) => {
      const file = resolveStaticFile(BUILT.renderer, new URL(req.url ?? '/', 'http://x').pathname);
      if (!file) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': contentTypeFor(file) }).end(readFileSync(file));
    });
    await new Promise<void>((r) => dev.listen(0, '127.0.0.1', r));
    servers.push(dev);
    const port = (dev.address() as { port: number }).port;
    const devUrl = `http://127.0.0.1:${port}/`;
    const app = await standIn.launch({ env: { ELECTRON_RENDERER_URL: devUrl } });
    const page = await app.page();
    expect(page.url()).toBe(devUrl);
    // Vite's full reload.
    await page.evaluate(() => location.reload());
    const reload = await app.waitForEvent('webContents:will-navigate');
    expect(reload['prevented']).toBe(false);
    await page.getByRole('button', { name: 'Try demo data' }).waitFor();
    await page.evaluate(() => (location.href = 'https://example.com/'));
    const away = await app.waitForEvent('webContents:will-navigate', (e) =>
      String(e['url']).startsWith('https://example.com'),
    );
    expect(away['prevented']).toBe(true);
  });
});

it('the built app never loads its renderer from file://', () => {
  expect(readFileSync(BUILT.main, 'utf8')).not.toMatch(/\.loadFile\(|pathToFileURL\([^)]*renderer/);
});
