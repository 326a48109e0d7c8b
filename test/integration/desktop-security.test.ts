// The app's security rules, each on the built app under the stand-in Electron: where the renderer comes
// from, what the environment may change, which links leave the app and how, what the session keeps,
// which permission the window has, notifications, and the data folder's permissions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accountDbPath } from '../../src/main/db';
import { startDemoServer } from '../../src/main/demo';
import type { DemoServer } from '../../src/main/demo';
import { WIRE_KEY_PARAM, WIRE_PATH } from '../../src/shared/wire';
import { BUILT, ROOT } from '../electron-standin/built-app';
import type { DialogBox } from '../electron-standin';
import { indexOf, useStandIn } from '../helpers/standin-fixture';

const standIn = useStandIn();
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function demo(): Promise<DemoServer> {
  const server = await startDemoServer({ port: 0, recordings: 20 });
  closers.push(() => server.close());
  return server;
}

describe('the renderer', () => {
  it('comes from the privileged app:// scheme, registered before ready and served by protocol.handle', async () => {
    const app = await standIn.launch();
    const page = await app.page();
    const registered = app.timeline.find((e) => e.type === 'protocol:registerSchemesAsPrivileged');
    expect(registered?.['schemes']).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(indexOf(app, 'protocol:registerSchemesAsPrivileged')).toBeLessThan(indexOf(app, 'app:ready'));
    const loads = app.timeline.filter((e) => e.type === 'webContents:loadURL').map((e) => String(e['url']));
    expect(loads).toEqual([expect.stringMatching(/^app:\/\/[a-z]+\/index\.html$/)]);
    expect(app.timeline.some((e) => e.type === 'protocol:request' && e['status'] === 200)).toBe(true);
    // The page works: its IPC passes the sender check, which compares the app:// origin.
    await page.getByRole('button', { name: 'Try demo data' }).waitFor();
    expect(await page.evaluate(() => window.api!['app:info']())).toMatchObject({ ok: true });
    // Nothing outside the renderer's folder is served.
    const outside = await page.evaluate(async () => (await fetch('/..%2f..%2fpackage.json')).status);
    expect(outside).toBe(404);
  });

  it('the environment cannot change the page of a packaged app', async () => {
    const app = await standIn.launch({
      packaged: true,
      env: { ELECTRON_RENDERER_URL: 'http://127.0.0.1:9/evil' },
    });
    await app.page();
    const loads = app.timeline.filter((e) => e.type === 'webContents:loadURL').map((e) => String(e['url']));
    expect(loads).toEqual([expect.stringMatching(/^app:\/\//)]);
    const created = app.timeline.find((e) => e.type === 'window:create');
    expect((created?.['options'] as { webPreferences: { devTools?: boolean } }).webPreferences.devTools).toBe(
      false,
    );
  });

  it('ships no browser-host client (the WebSocket door to the service)', async () => {
    const assets = join(BUILT.renderer, 'assets');
    const code = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(assets, f), 'utf8'))
      .join('\n');
    expect(code).not.toContain('new WebSocket(');
    expect(code).not.toContain(`"${WIRE_PATH}"`);
    expect(code).not.toContain(`${WIRE_KEY_PARAM}=`);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    expect(pkg['dependencies']?.['ws']).toBeUndefined();
    expect(pkg['devDependencies']?.['ws']).toBeDefined();
  });
});

describe('leaving the app', () => {
  it('"Open in Screendesk" opens only https links, after showing where they lead', async () => {
    const boxes: DialogBox[] = [];
    let answer = 0;
    const app = await standIn.launch({
      onDialog: (box) => {
        boxes.push(box);
        return answer;
      },
    });
    const page = await app.page();
    const open = (url: string) => page.evaluate((u) => window.api!['shell:openExternal']({ url: u }), url);
    expect(await open('http://help.example.com/a')).toMatchObject({ ok: false });
    expect(boxes).toHaveLength(0);

    answer = 1; // the second button: stay
    await open('https://help.example.com/tickets/1');
    expect(boxes).toHaveLength(1);
    expect(`${boxes[0]!.message} ${boxes[0]!.detail}`).toContain('help.example.com');
    expect(app.timeline.some((e) => e.type === 'shell:openExternal')).toBe(false);

    answer = 0; // open
    await open('https://help.example.com/tickets/1');
    expect(app.timeline.filter((e) => e.type === 'shell:openExternal').map((e) => e['url'])).toEqual([
      'https://help.example.com/tickets/1',
    ]);
  });
});

describe('the session', () => {
  it('signing out with "delete the cache" also clears the window session', async () => {
    const app = await standIn.launch();
    const page = await app.page();
    await page.evaluate(() => window.api!['account:signInDemo']());
    await page.evaluate(() => window.api!['account:signOut']({ deleteCache: false }));
    expect(app.timeline.some((e) => e.type === 'session:clearStorageData')).toBe(false);
    await page.evaluate(() => window.api!['account:signInDemo']());
    await page.evaluate(() => window.api!['account:signOut']({ deleteCache: true }));
    await app.waitForEvent('session:clearStorageData');
    await app.waitForEvent('session:clearCache');
  });

  it('"Copy logs" may write to the clipboard; nothing else is granted, and no other page gets it', async () => {
    const app = await standIn.launch();
    await app.page();
    expect(await app.permission('clipboard-sanitized-write')).toBe(true);
    expect(await app.permission('clipboard-sanitized-write', { origin: 'https://evil.example' })).toBe(false);
    expect(await app.permission('clipboard-read')).toBe(false);
    expect(await app.permission('notifications')).toBe(false);
    expect(await app.permission('media', { kind: 'request' })).toBe(false);
  });
});

/** A server that redirects, or answers with a cookie and a cacheable page, recording what it got. */
async function fakeApi(
  mode: 'redirect' | 'cacheable',
): Promise<{ url: string; requests: IncomingHttpHeaders[] }> {
  const requests: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.headers);
    if (mode === 'redirect') {
      res.writeHead(301, { Location: 'https://elsewhere.example/api/v2/recordings' }).end();
      return;
    }
    res
      .writeHead(200, {
        'Content-Type': 'application/json',
        'Set-Cookie': 'tracker=1; Path=/',
        'Cache-Control': 'max-age=600',
      })
      .end(JSON.stringify({ records: [], pagination: { count: 0, pages: 1, page: 1, items: 0 } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise((r) => server.close(r)));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/api/v2`, requests };
}

describe('API requests', () => {
  it('a redirecting server is reported as a redirect, once, not as unreachable', async () => {
    const api = await fakeApi('redirect');
    const app = await standIn.launch();
    const page = await app.page();
    const result = await page.evaluate(
      (apiUrl) => window.api!['account:signIn']({ apiUrl, token: 'a-long-enough-token' }),
      api.url,
    );
    expect(result).toMatchObject({ ok: false });
    expect(JSON.stringify(result)).toContain('elsewhere.example');
    expect(api.requests).toHaveLength(1);
  });

  it('go out without cookies and past the HTTP cache', async () => {
    const api = await fakeApi('cacheable');
    const app = await standIn.launch();
    const page = await app.page();
    const signIn = (apiUrl: string) =>
      page.evaluate(
        (u) => window.api!['account:signIn']({ apiUrl: u, token: 'a-long-enough-token' }),
        apiUrl,
      );
    await signIn(api.url);
    await signIn(api.url);
    // Both sign-ins reached the server (none was answered from a cache) and no cookie went back.
    expect(api.requests.length).toBeGreaterThanOrEqual(2);
    expect(api.requests.every((h) => h.cookie === undefined)).toBe(true);
  });
});

describe('notifications', () => {
  it('show recording text as text (the Linux server reads markup) and stay clickable', async () => {
    const server = await demo();
    const uuid = server.data.uuids()[0]!;
    server.data.update(uuid, { title: '<b>Bold</b> & <a href="https://evil.example">link</a>' });
    server.faults.add({
      kind: 'status',
      status: 422,
      method: 'PATCH',
      body: JSON.stringify({ error: 'Title too long' }),
      contentType: 'application/json',
    });
    const app = await standIn.launch();
    const page = await app.page();
    await page.evaluate(({ apiUrl, token }) => window.api!['account:signIn']({ apiUrl, token }), {
      apiUrl: `${server.url}`,
      token: server.adminToken,
    });
    await page.evaluate(() => window.api!['sync:now']());
    await page.evaluate((u) => window.api!['outbox:edit']({ uuid: u, fields: { summary: 'mine' } }), uuid);
    await page.evaluate(() => window.api!['outbox:push']());
    const shown = await app.waitForEvent('notification:show');
    if (process.platform === 'linux') {
      expect(String(shown['body'])).toContain('&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;a');
      expect(String(shown['body'])).not.toContain('<');
    }
    // Clicked after a garbage collection, it still brings the window back.
    expect(await app.clickNotification(0, { collectGarbage: true })).toBe(true);
    await app.waitForEvent('window:focus');
  });
});

describe('the data folder', () => {
  it.skipIf(process.platform === 'win32')(
    'is private: the folder 0700, the cache, WAL, settings and log 0600',
    async () => {
      const dataDir = standIn.dataDir();
      const app = await standIn.launch({ dataDir });
      const page = await app.page();
      await page.evaluate(() => window.api!['account:signInDemo']());
      await page.evaluate(() => window.api!['sync:now']());
      const state = await page.evaluate(() => window.api!['account:state']());
      const cache = accountDbPath(dataDir, state.ok ? (state.value.accountId ?? '') : '');
      const mode = (path: string) => statSync(path).mode & 0o777;
      expect(mode(dataDir)).toBe(0o700);
      for (const file of [
        cache,
        `${cache}-wal`,
        join(dataDir, 'settings.json'),
        join(dataDir, 'logs', 'main.log'),
      ]) {
        expect([file, mode(file)]).toEqual([file, 0o600]);
      }
    },
  );
});
