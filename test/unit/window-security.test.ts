// The window's security settings and policies (Electron's security checklist), checked in plain Node:
// the webPreferences the window is built with, navigation, links, permissions, IPC senders, the CSP,
// and the preload's surface (run against a stand-in for electron's contextBridge and ipcRenderer).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../src/shared/channels';
import { CONTENT_SECURITY_POLICY, parseCsp } from '../../src/shared/csp';
import {
  allowNavigation,
  allowPermission,
  isTrustedSender,
  secureWebPreferences,
} from '../../src/main/electron/security';
import { isExternalLink } from '../../src/shared/links';

const root = resolve(import.meta.dirname, '../..');

describe('window webPreferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs');

  it('isolate and sandbox the renderer, with no Node anywhere', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keep web security on and everything risky off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('are what the window uses: window.ts overrides none of the security keys', () => {
    const source = readFileSync(join(root, 'src/main/electron/window.ts'), 'utf8');
    expect(source).toContain('...secureWebPreferences(');
    const block = source.slice(
      source.indexOf('webPreferences: {'),
      source.indexOf('},', source.indexOf('webPreferences: {')),
    );
    for (const key of ['sandbox', 'contextIsolation', 'nodeIntegration', 'webSecurity', 'webviewTag']) {
      expect(block).not.toContain(`${key}:`);
    }
  });
});

describe('navigation, links and permissions', () => {
  it('never lets the window navigate, whatever the target', () => {
    for (const url of [
      'https://evil.example',
      'file:///etc/passwd',
      'http://127.0.0.1:5173/',
      'about:blank',
    ]) {
      expect(allowNavigation(url)).toBe(false);
    }
  });

  it('opens only https links in the system browser', () => {
    expect(isExternalLink('https://app.screendesk.io/recordings/abc')).toBe(true);
    expect(isExternalLink('https://acme.zendesk.com/agent/tickets/1')).toBe(true);
    for (const url of [
      'http://app.screendesk.io',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id',
      'https://user:pass@evil.example',
      'not a url',
    ]) {
      expect(isExternalLink(url), url).toBe(false);
    }
  });

  it('grants no permission', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      expect(allowPermission(p, 'app://screendesk/index.html', 'app://screendesk/index.html')).toBe(false);
    }
  });

  it('lets our page, and only it, write to the clipboard ("Copy logs")', () => {
    const ours = 'app://screendesk/index.html';
    expect(allowPermission('clipboard-sanitized-write', 'app://screendesk/', ours)).toBe(true);
    expect(allowPermission('clipboard-sanitized-write', 'app://evil/', ours)).toBe(false);
    expect(allowPermission('clipboard-sanitized-write', 'https://screendesk/', ours)).toBe(false);
    expect(allowPermission('clipboard-sanitized-write', null, ours)).toBe(false);
  });
});

describe('dev reload', () => {
  it('allows reloading our own dev page in development only', () => {
    const dev = 'http://localhost:5173/';
    expect(allowNavigation('http://localhost:5173/', dev)).toBe(true);
    expect(allowNavigation('http://localhost:5173/#/x', dev)).toBe(true);
    expect(allowNavigation('http://localhost:5173/other.html', dev)).toBe(false);
    expect(allowNavigation('http://localhost:5174/', dev)).toBe(false);
    expect(allowNavigation('app://screendesk/index.html', null)).toBe(false);
  });
});

describe('IPC sender check', () => {
  const page = 'app://screendesk/index.html';
  const main = { fromOurWindow: true, isMainFrame: true, url: page };

  it("trusts our window's main frame showing a page of our app:// origin", () => {
    expect(isTrustedSender(main, page)).toBe(true);
    expect(isTrustedSender({ ...main, url: `${page}#/recordings` }, page)).toBe(true);
  });

  it('tells custom-scheme origins apart (Node gives them all the origin "null"), and trusts no file: page', () => {
    expect(isTrustedSender({ ...main, url: 'app://other/index.html' }, page)).toBe(false);
    expect(isTrustedSender({ ...main, url: 'evil://screendesk/index.html' }, page)).toBe(false);
    const file = 'file:///opt/app/out/renderer/index.html';
    expect(isTrustedSender({ ...main, url: file }, file)).toBe(false);
  });

  it('refuses iframes, other windows, other pages, and frames that are gone', () => {
    expect(isTrustedSender({ ...main, isMainFrame: false }, page)).toBe(false);
    expect(isTrustedSender({ ...main, fromOurWindow: false }, page)).toBe(false);
    expect(isTrustedSender({ ...main, url: 'file:///tmp/evil.html' }, page)).toBe(false);
    expect(isTrustedSender({ ...main, url: 'https://evil.example/' }, page)).toBe(false);
    expect(isTrustedSender({ ...main, url: null }, page)).toBe(false);
  });

  it('compares origins for the development server', () => {
    const dev = 'http://localhost:5173';
    expect(isTrustedSender({ ...main, url: 'http://localhost:5173/index.html' }, dev)).toBe(true);
    expect(isTrustedSender({ ...main, url: 'http://localhost:5174/' }, dev)).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  /** The directives a strict policy must have, and nothing that lets script in. */
  function expectStrict(policy: Record<string, string>): void {
    expect(policy['default-src']).toBe("'self'");
    expect(policy['script-src']).toBe("'self'");
    expect(policy['object-src']).toBe("'none'");
    expect(policy['base-uri']).toBe("'none'");
    expect(policy['form-action']).toBe("'none'");
    for (const sources of Object.values(policy)) {
      expect(sources).not.toMatch(
        /unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*(?!\s|$)|^\*$|https?:(?!\/\/127\.0\.0\.1)/,
      );
    }
    expect(policy['connect-src']?.split(' ').every((s) => s === "'self'" || s === 'ws://127.0.0.1:*')).toBe(
      true,
    );
  }

  it('the header policy is strict and refuses framing', () => {
    const policy = parseCsp(CONTENT_SECURITY_POLICY);
    expectStrict(policy);
    expect(policy['frame-ancestors']).toBe("'none'");
  });

  it("index.html's <meta> policy is the same as the header, minus what only a header can do", () => {
    const html = readFileSync(join(root, 'src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    const policy = parseCsp(meta?.[1] ?? '');
    expectStrict(policy);
    const { 'frame-ancestors': _headerOnly, ...rest } = parseCsp(CONTENT_SECURITY_POLICY);
    expect(policy).toEqual(rest);
  });
});

describe('preload', () => {
  it('exposes one function per request channel and `on` for events, nothing else', async () => {
    const exposed = new Map<string, unknown>();
    const invoke = vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } }));
    const listeners = new Map<string, Set<(e: unknown, p: unknown) => void>>();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: {
        invoke,
        on: (ch: string, fn: (e: unknown, p: unknown) => void) => {
          const set = listeners.get(ch) ?? new Set();
          set.add(fn);
          listeners.set(ch, set);
        },
        removeListener: (ch: string, fn: (e: unknown, p: unknown) => void) => listeners.get(ch)?.delete(fn),
      },
    }));
    await import('../../src/preload/index');
    vi.doUnmock('electron');

    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual([...REQUEST_CHANNELS, 'on'].sort());

    expect(await api['outbox:retry']?.({ id: 3 })).toEqual({
      ok: true,
      value: { channel: 'outbox:retry', args: { id: 3 } },
    });
    await api['sync:now']?.();
    expect(invoke).toHaveBeenLastCalledWith('sync:now', {});

    // Listeners get the payload only: never the IPC event, which holds the sender.
    const seen: unknown[] = [];
    const off = api['on']?.('connectivity', (...args: unknown[]) => seen.push(args)) as () => void;
    const fakeEvent = { sender: { secret: true } };
    for (const fn of listeners.get('event:connectivity') ?? []) fn(fakeEvent, { online: false });
    expect(seen).toEqual([[{ online: false }]]);
    off();
    expect(listeners.get('event:connectivity')?.size).toBe(0);

    expect(() => api['on']?.('not-an-event', () => {})).toThrow(/Unknown event/);
    expect(() => api['on']?.('__proto__', () => {})).toThrow(/Unknown event/);
    expect(EVENT_CHANNELS.length).toBeGreaterThan(0);
  });

  it('loads nothing but electron and the zod-free channel list', () => {
    const source = readFileSync(join(root, 'src/preload/index.ts'), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(new Set(imports)).toEqual(new Set(['electron', '../shared/channels']));
    const channels = readFileSync(join(root, 'src/shared/channels.ts'), 'utf8');
    expect(channels).not.toMatch(/\bimport\b/);
  });
});

describe('recording data in the renderer', () => {
  it('is never turned into markup: no {@html}, innerHTML or document.write anywhere in the interface', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(svelte|ts|js)$/.test(entry.name)) {
          const source = readFileSync(path, 'utf8');
          if (
            /\{@html\b|\.innerHTML\b|\.outerHTML\s*=|insertAdjacentHTML|document\.write|DOMParser/.test(
              source,
            )
          ) {
            offenders.push(path);
          }
        }
      }
    };
    walk(join(root, 'src/renderer/src'));
    expect(offenders).toEqual([]);
  });
});

describe('the app bundle', () => {
  it('never reaches the browser host from the Electron entry point', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const base = resolve(dirname(file), spec ?? '');
        const candidates = [`${base}.ts`, join(base, 'index.ts'), base];
        const next = candidates.find((c) => {
          try {
            return readFileSync(c) !== undefined && c.endsWith('.ts');
          } catch {
            return false;
          }
        });
        if (next) visit(next);
      }
    };
    visit(join(root, 'src/main/index.ts'));
    expect(seen.size).toBeGreaterThan(20);
    expect([...seen].filter((f) => f.includes('browser-host'))).toEqual([]);
  });
});
