// The stand-in Electron harness (test code, never shipped): runs the app's *built* main process
// (out/main/index.js, or a packaged one) in Node, with `electron` resolving to a stand-in typed against
// the `electron` package's own type definitions, and shows its windows in real Chromium (Playwright),
// with the real preload's `window.api` carried to the real ipcMain handlers.
//
// How: the main runs in a child process (`node --import tsx --import child/register.ts main.js`), so
// it owns its process as in Electron (quitting exits it; a second launch on the same data folder is a
// second instance). The stand-in module (child/) emulates what the app uses:
//  - app: ready after the main script ran; setPath refusing a relative or missing folder; the
//    single-instance lock in the data folder across processes, 'second-instance' to the first one;
//    quit as before-quit → windows close → will-quit → quit → exit; window-all-closed; exit().
//  - BrowserWindow / webContents: a Chromium page per window; ready-to-show and did-finish-load once
//    the page loaded; will-navigate (preventable) for navigations the page starts; the window-open
//    handler for popups; webContents.send to the preload's listeners.
//  - the preload: run in the child for every document like a sandboxed one (CommonJS, `require` only
//    'electron' and a few built-ins); what it exposes with contextBridge appears on the page's window
//    (page-bridge.ts). Arguments are structured-cloned in the page and again by ipcRenderer (v8's
//    serializer), so a Proxy ($state) or a function fails to cross as in Electron.
//  - ipcMain.handle with the sender's webContents and frame (URL, origin, parent).
//  - protocol: registerSchemesAsPrivileged before ready only, handle after ready only; a page of a
//    handled standard scheme is served to Chromium from 127.0.0.1 by the app's own handler, and every
//    URL the app sees is the app:// one (child/protocol.ts).
//  - session: permission handlers (asked through `permission()`), webRequest.onHeadersReceived,
//    clearCache / clearStorageData, and a cookie jar and HTTP cache shared with net.
//  - net.fetch / net.request with Electron's manual-redirect behaviour, cookies and cache (child/net.ts);
//    net.isOnline (settable).
//  - Menu (clickable by label), Notification (weakly held by the "OS": a collected one loses its
//    click), dialog (recorded; message boxes answered by `onDialog`), shell (recorded, opens nothing),
//    powerMonitor, screen (one display).
// Not emulated: the renderer's own Electron side (the page is plain Chromium: no process sandbox
// flags, no `process` in the page, CSP and permissions are Chromium's own defaults — the app's
// permission handlers are only asked through `permission()`, and onHeadersReceived listeners never
// run); webRequest filtering; subframes getting a preload; functions nested inside arguments (only
// top-level callbacks and returned functions cross); synchronous throws of an exposed function that
// takes a callback surface asynchronously; ipcRenderer.send/sendSync and ipcMain.on; native modules
// load as their Node builds (process.versions.electron is unset unless a launch names a version); app.asar archives cannot be read
// (point mainPath at an unpacked app); fuses, code signing, crash reporting, GPU, tray, dock,
// autoUpdater.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TimelineEvent } from './child/link';
import type { Shape } from './child/preload';
import { CHROMIUM_LAUNCH } from '../helpers/chromium';
import { installBridge } from './page-bridge';
import type { Wire } from './rpc';
import { Rpc } from './rpc';

export type { TimelineEvent } from './child/link';
export type { Shape } from './child/preload';

/** The Chromium this machine has, with the options the e2e suite uses. */
export { CHROMIUM_LAUNCH } from '../helpers/chromium';

/** A message box the app showed, for `onDialog` to answer. */
export interface DialogBox {
  type: string;
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number | null;
}

/** Options of launchStandIn. */
export interface StandInOptions {
  /** The app's main bundle: out/main/index.js, or the packaged app's. */
  mainPath: string;
  /** SCREENDESK_DATA_DIR for the app (omit to leave it unset). */
  dataDir?: string;
  /** The folder whose files each 'window:create' event lists (default: dataDir, resolved). */
  watchDir?: string;
  /** More environment for the app (added to this process's). */
  env?: Record<string, string | undefined>;
  /** The app's working directory (default: this process's). */
  cwd?: string;
  /** app.isPackaged (default false). */
  packaged?: boolean;
  /** app.getAppPath() (default: the nearest folder above mainPath with a package.json). */
  appPath?: string;
  /** process.resourcesPath, as a packaged app has it (default: Electron's own, as in development). */
  resourcesPath?: string;
  /** process.versions.electron (default: unset, as in Node). */
  electronVersion?: string;
  /** A Chromium to open windows in (default: one launched for this app and closed with it). */
  browser?: Browser;
  /** Answers a message box with a button index (default: its defaultId). */
  onDialog?: (box: DialogBox) => number;
}

/** How the app's process ended. */
export interface StandInExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running app under the stand-in. */
export interface StandInApp {
  /** Everything the app asked of Electron, in order (live). */
  readonly timeline: readonly TimelineEvent[];
  /** Resolves with the first timeline event of `type` (matching `where`), past or future. */
  waitForEvent(type: string, where?: (event: TimelineEvent) => boolean): Promise<TimelineEvent>;
  /** The page of a window (the first by default), once its first load finished. */
  page(windowId?: number): Promise<Page>;
  /**
   * Loads `url` in a window as if a navigation had slipped past the app's guard (a compromised page,
   * a browser bug): the preload runs in it, as Electron's would, so a test sees what main allows it.
   */
  navigateBypassingGuard(url: string, windowId?: number): Promise<Page>;
  /** Ids of the windows open now. */
  windowIds(): number[];
  /** The channels ipcMain has handlers for. */
  ipcChannels(): Promise<string[]>;
  /** What the window's preload exposed, as the page sees it. */
  exposed(windowId?: number): Promise<Record<string, Shape>>;
  /** Invokes an ipcMain handler as a given sender would (a foreign page, a subframe, another window). */
  invokeAs(
    sender: { windowId?: number; url?: string; isMainFrame?: boolean; fromOurWindow?: boolean },
    channel: string,
    args?: unknown,
  ): Promise<unknown>;
  /** What the app's session handlers answer for a permission check or request from the window. */
  permission(
    permission: string,
    opts?: { windowId?: number; origin?: string; kind?: 'check' | 'request' },
  ): Promise<boolean>;
  /** Clicks shown notification `index` (after a full garbage collection when asked); false if lost. */
  clickNotification(index: number, opts?: { collectGarbage?: boolean }): Promise<boolean>;
  /** Clicks an application menu item by label. */
  clickMenu(label: string): Promise<boolean>;
  /** What net.isOnline() answers from now on. */
  setOnline(online: boolean): Promise<void>;
  /** Asks the app to quit (as Cmd+Q would) and waits for its process to end. */
  quit(): Promise<StandInExit>;
  /** Resolves when the process ends. */
  readonly exited: Promise<StandInExit>;
  /** The process's stdout and stderr so far. */
  output(): string;
  /** Ends everything this launch started (kills the app if it still runs). */
  close(): Promise<void>;
}

const here = import.meta.dirname;
const requireHere = createRequire(import.meta.url);

function findAppPath(mainPath: string): string {
  for (let dir = dirname(resolve(mainPath)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${mainPath}`);
  }
}

/** Starts the app's main under the stand-in; resolves once its process runs. */
export async function launchStandIn(opts: StandInOptions): Promise<StandInApp> {
  const timeline: TimelineEvent[] = [];
  const waiters: {
    type: string;
    where: (e: TimelineEvent) => boolean;
    resolve: (e: TimelineEvent) => void;
  }[] = [];
  let output = '';
  const ownBrowser = opts.browser === undefined;
  const browser = opts.browser ?? (await chromium.launch(CHROMIUM_LAUNCH));
  const binding = `__standin_${randomBytes(6).toString('hex')}`;
  const dispatcher = `__standin_cb_${randomBytes(6).toString('hex')}`;
  const pages = new Map<
    number,
    {
      context: BrowserContext;
      page: Page;
      loaded: Promise<void>;
      markLoaded: () => void;
      bridged: boolean;
      expected: string | null;
    }
  >();
  const pageWaiters = new Map<number, ((p: Page) => void)[]>();

  const cwd = opts.cwd ?? process.cwd();
  const watchDir = opts.watchDir ?? (opts.dataDir === undefined ? undefined : resolve(cwd, opts.dataDir));
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...opts.env,
    STANDIN_APP_PATH: opts.appPath ?? findAppPath(opts.mainPath),
    STANDIN_PACKAGED: opts.packaged ? '1' : '0',
    STANDIN_WATCH_DIR: watchDir,
    STANDIN_RESOURCES_PATH: opts.resourcesPath,
    STANDIN_ELECTRON_VERSION: opts.electronVersion,
  };
  if (opts.dataDir !== undefined) env['SCREENDESK_DATA_DIR'] = opts.dataDir;
  // vitest's own variables must not make the app think it runs inside a test.
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];

  const child: ChildProcess = fork(resolve(opts.mainPath), [], {
    cwd,
    env,
    execArgv: [
      '--expose-gc',
      '--import',
      pathToFileURL(requireHere.resolve('tsx')).href,
      '--import',
      pathToFileURL(join(here, 'child/register.ts')).href,
    ],
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += String(c)));
  child.stderr?.on('data', (c: Buffer) => (output += String(c)));

  const rpc = new Rpc(
    (message) => {
      if (child.connected) child.send(message);
    },
    (event) => {
      const e = event as TimelineEvent;
      timeline.push(e);
      for (const w of [...waiters]) {
        if (w.type === e.type && w.where(e)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(e);
        }
      }
    },
  );
  child.on('message', (message) => rpc.receive(message as Wire));
  const exited = new Promise<StandInExit>((done) => {
    child.once('exit', (code, signal) => {
      rpc.failAll(`The app's process ended (code ${code}, signal ${signal})`);
      done({ code, signal });
    });
  });

  const creating = new Map<number, Promise<unknown>>();
  const openPage = async (windowId: number): Promise<void> => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    let markLoaded = (): void => undefined;
    const loaded = new Promise<void>((r) => (markLoaded = r));
    const record = { context, page, loaded, markLoaded, bridged: false, expected: null as string | null };
    await context.exposeBinding(binding, (_source, msg: { op: string }) =>
      rpc.call(msg.op, { ...msg, windowId }),
    );
    await page.route('**/*', async (route) => {
      const request = route.request();
      if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return route.continue();
      if (record.expected !== null && request.url() === record.expected) {
        record.expected = null;
        return route.continue();
      }
      const allowed = await rpc
        .call<boolean>('page:will-navigate', { windowId, url: request.url() })
        .catch(() => false);
      return allowed ? route.continue() : route.abort('aborted');
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame())
        void rpc.call('page:navigated', { windowId, url: frame.url() }).catch(() => undefined);
    });
    page.on('popup', (popup) => {
      void (async () => {
        if (popup.url() === 'about:blank')
          await popup.waitForEvent('framenavigated', { timeout: 5_000 }).catch(() => undefined);
        const action = await rpc
          .call<string>('page:window-open', { windowId, url: popup.url() })
          .catch(() => 'deny');
        if (action !== 'allow') await popup.close();
      })();
    });
    pages.set(windowId, record);
  };
  const entry = async (windowId: number) => {
    await creating.get(windowId);
    const p = pages.get(windowId);
    if (!p) throw new Error(`No page for window ${windowId}`);
    return p;
  };

  rpc.serve({
    'window:create': ({ windowId }: { windowId: number }) => {
      // Registered at once: the window's first load may be asked for before the page exists.
      creating.set(windowId, openPage(windowId));
      return creating.get(windowId)!.then(() => null);
    },
    'page:goto': async ({
      windowId,
      url,
      shape,
    }: {
      windowId: number;
      url: string;
      shape: Record<string, Shape>;
    }) => {
      const p = await entry(windowId);
      if (!p.bridged) {
        p.bridged = true;
        // As source text: a transpiler's helpers (esbuild's __name) do not exist in the page.
        const config = JSON.stringify({ binding, dispatcher, exposed: shape });
        await p.context.addInitScript({
          content: `(() => { const __name = (f) => f; (${installBridge.toString()})(${config}); })();`,
        });
      }
      p.expected = url;
      await p.page.goto(url, { waitUntil: 'load' });
      p.markLoaded();
      for (const resolvePage of pageWaiters.get(windowId) ?? []) resolvePage(p.page);
      pageWaiters.delete(windowId);
      return null;
    },
    'page:reload': async ({ windowId }: { windowId: number }) => {
      await (await entry(windowId)).page.reload();
      return null;
    },
    'page:callback': async ({ windowId, id, args }: { windowId: number; id: number; args: unknown[] }) => {
      const p = pages.get(windowId);
      if (!p || p.page.isClosed()) return null;
      await p.page
        .evaluate(
          ([name, cb, a]) =>
            (window as unknown as Record<string, (i: number, x: unknown[]) => void>)[name as string]?.(
              cb as number,
              a as unknown[],
            ),
          [dispatcher, id, args] as const,
        )
        .catch(() => undefined);
      return null;
    },
    'window:close': async ({ windowId }: { windowId: number }) => {
      const p = pages.get(windowId);
      pages.delete(windowId);
      await p?.context.close().catch(() => undefined);
      return null;
    },
    dialog: (box: DialogBox) => (opts.onDialog ? opts.onDialog(box) : box.defaultId),
  });

  const firstWindow = (): number => {
    const id = [...pages.keys()][0];
    if (id === undefined) throw new Error('The app has no window');
    return id;
  };

  const handle: StandInApp = {
    timeline,
    waitForEvent(type, where = () => true) {
      const past = timeline.find((e) => e.type === type && where(e));
      if (past) return Promise.resolve(past);
      return new Promise((resolveEvent, reject) => {
        waiters.push({ type, where, resolve: resolveEvent });
        void exited.then(() => reject(new Error(`The app ended before '${type}'.\n${output}`)));
      });
    },
    async page(windowId) {
      if (windowId === undefined) {
        const created = await handle.waitForEvent('window:create');
        windowId = created['windowId'] as number;
      }
      const known = pages.get(windowId);
      if (known) {
        await Promise.race([
          known.loaded,
          exited.then(() => Promise.reject(new Error(`The app ended.\n${output}`))),
        ]);
        return known.page;
      }
      return new Promise<Page>((resolvePage) => {
        const list = pageWaiters.get(windowId) ?? [];
        list.push(resolvePage);
        pageWaiters.set(windowId, list);
      });
    },
    async navigateBypassingGuard(url, windowId) {
      const id = windowId ?? firstWindow();
      const p = await entry(id);
      await rpc.call('page:escape', { windowId: id, url });
      p.expected = url;
      await p.page.goto(url, { waitUntil: 'load' });
      return p.page;
    },
    windowIds: () => [...pages.keys()],
    ipcChannels: () => rpc.call<string[]>('channels'),
    exposed: (windowId) => rpc.call('exposed', { windowId: windowId ?? firstWindow() }),
    invokeAs: (sender, channel, args = {}) =>
      rpc.call('invokeAs', {
        sender: { ...sender, windowId: sender.windowId ?? firstWindow() },
        channel,
        args: [args],
      }),
    permission: (permission, o = {}) =>
      rpc.call('permission', {
        windowId: o.windowId ?? firstWindow(),
        permission,
        origin: o.origin,
        kind: o.kind ?? 'check',
      }),
    clickNotification: (index, o = {}) =>
      rpc.call('clickNotification', { index, collectGarbage: o.collectGarbage === true }),
    clickMenu: (label) => rpc.call('clickMenu', { label }),
    setOnline: async (online) => {
      await rpc.call('setOnline', { online });
    },
    async quit() {
      await rpc.call('quit').catch(() => undefined);
      return exited;
    },
    exited,
    output: () => output,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      for (const p of pages.values()) await p.context.close().catch(() => undefined);
      if (ownBrowser) await browser.close();
    },
  };
  return handle;
}
