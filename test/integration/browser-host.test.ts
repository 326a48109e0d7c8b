// The browser host over real sockets: who may connect (the key, the Origin, the Host), what it serves
// (the renderer's files with the app's CSP; nothing outside them), and the IPC contract carried over
// the WebSocket to several tabs at once.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AccountState, AppInfo, IpcResult } from '../../src/shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import type { WireToPage } from '../../src/shared/wire';
import { startBrowserHost } from '../../src/main/browser-host';
import type { BrowserHost } from '../../src/main/browser-host';
import { nullLogger } from '../../src/main/log/logger';

let base: string;
let host: BrowserHost;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'sdesk-host-'));
  const renderer = join(base, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Screendesk Desktop</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(renderer, '.env'), 'SECRET=1');
  writeFileSync(join(base, 'outside.txt'), 'outside the renderer');
  symlinkSync(join(base, 'outside.txt'), join(renderer, 'assets', 'link.txt'));
  mkdirSync(join(base, 'data'));
  host = await startBrowserHost({
    dataDir: join(base, 'data'),
    rendererDir: renderer,
    log: nullLogger,
    tuning: { demoRecordings: 20 },
  });
});

afterAll(async () => {
  await host.close();
  rmSync(base, { recursive: true, force: true });
});

/** A raw GET: the path is sent exactly as given (fetch would normalise "..").  */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a WebSocket like a page would; resolves with the socket, or the HTTP status it was refused with. */
function connect(key: string | null, origin: string | null = host.origin): Promise<WebSocket | number> {
  const wsUrl = `${host.origin.replace('http', 'ws')}/ipc${key === null ? '' : `?key=${encodeURIComponent(key)}`}`;
  const ws = new WebSocket(wsUrl, origin === null ? {} : { origin });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

/** A tab: calls and the events it received. */
async function tab(): Promise<{
  ws: WebSocket;
  events: WireToPage[];
  call: (channel: string, args?: unknown) => Promise<IpcResult<unknown>>;
}> {
  const ws = await connect(host.key);
  if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
  const events: WireToPage[] = [];
  const waiting = new Map<number, (r: IpcResult<unknown>) => void>();
  let id = 0;
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as WireToPage;
    if (frame.type === 'result') waiting.get(frame.id)?.(frame.result);
    else events.push(frame);
  });
  return {
    ws,
    events,
    call: (channel, args = {}) =>
      new Promise((resolve) => {
        waiting.set(++id, resolve);
        ws.send(JSON.stringify({ type: 'call', id, channel, args }));
      }),
  };
}

describe('browser host: static files', () => {
  it('serves index.html at / with the app CSP and no sniffing', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Screendesk Desktop</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const js = await get('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('refuses every way out of the renderer folder, dotfiles and directory listings', async () => {
    for (const path of [
      '/../outside.txt',
      '/assets/../../outside.txt',
      '/%2e%2e/outside.txt',
      '/..%2foutside.txt',
      '/assets/%2e%2e%2f%2e%2e%2foutside.txt',
      '/..%5coutside.txt',
      '/assets/link.txt',
      '/.env',
      '/assets',
      '/assets/',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('outside the renderer');
      expect(res.body).not.toContain('SECRET');
    }
  });

  it('answers only for its own Host (no DNS rebinding) and only GET/HEAD', async () => {
    expect((await get('/', { Host: 'evil.example:80' })).status).toBe(403);
    const { port } = new URL(host.origin);
    const post = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('x');
    });
    expect(post).toBe(405);
  });
});

describe('browser host: who may connect', () => {
  it('refuses a client without the key, with a wrong key, or from another Origin, before the upgrade', async () => {
    expect(await connect(null)).toBe(401);
    expect(await connect('wrong-key')).toBe(401);
    expect(await connect(`${host.key}x`)).toBe(401);
    expect(await connect(host.key, 'http://evil.example')).toBe(403);
    expect(await connect(host.key, null)).toBe(403);
    const ok = await connect(host.key);
    expect(ok).toBeInstanceOf(WebSocket);
    if (typeof ok !== 'number') ok.close();
  });

  it('the page URL it prints carries the key', () => {
    expect(host.url).toBe(`${host.origin}/?key=${host.key}`);
    expect(host.key.length).toBeGreaterThanOrEqual(40);
  });
});

describe('browser host: the IPC contract over the WebSocket', () => {
  it('round-trips calls, with the same validation as IPC', async () => {
    const t = await tab();
    const info = await t.call('app:info');
    expect(info).toMatchObject({ ok: true, value: { host: 'browser', name: 'Screendesk Desktop' } });
    expect((info as { value: AppInfo }).value.dataDir).toBe(join(base, 'data'));
    expect(await t.call('outbox:retry', { id: 'one' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments' },
    });
    expect(await t.call('no:such:channel')).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments' },
    });
    t.ws.close();
  });

  it('sends every event to every open tab', async () => {
    const a = await tab();
    const b = await tab();
    const signedIn = await a.call('account:signInDemo');
    expect(signedIn).toMatchObject({ ok: true, value: { signedIn: true, demo: true } });
    const sync = await b.call('sync:now');
    expect(sync).toMatchObject({ ok: true, value: { total: 20 } });
    for (const t of [a, b]) {
      const accounts = t.events.filter((e) => e.type === 'event' && e.event === 'account:changed');
      expect(accounts.some((e) => e.type === 'event' && (e.payload as AccountState).signedIn)).toBe(true);
      expect(t.events.some((e) => e.type === 'event' && e.event === 'sync:progress')).toBe(true);
    }
    await a.call('account:signOut', { deleteCache: true });
    a.ws.close();
    b.ws.close();
  });

  it('records links instead of opening them, and only https ones', async () => {
    const t = await tab();
    expect(await t.call('shell:openExternal', { url: 'https://app.screendesk.io/r/1' })).toEqual({
      ok: true,
      value: null,
    });
    expect(await t.call('shell:openExternal', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false });
    expect(host.opened).toEqual(['https://app.screendesk.io/r/1']);
    t.ws.close();
  });

  it('drops a connection that sends something other than a call frame', async () => {
    const t = await tab();
    const closed = new Promise<number>((resolve) => t.ws.once('close', (code) => resolve(code)));
    t.ws.send('{"type":"hello"}');
    expect(await closed).toBe(1003);
  });
});
