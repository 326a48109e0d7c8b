// The stand-in `electron` module the harness gives the app's built main process (see ../index.ts).
// Importing it starts the app's lifecycle and serves the harness's requests.
import { join } from 'node:path';
import { app } from './app';
import { cloneForIpc } from './clone';
import {
  clickMenuItem,
  clickNotification,
  dialog,
  Menu,
  Notification,
  powerMonitor,
  screen,
  shell,
} from './desktop';
import { frameFor, ipcMain } from './ipc-main';
import { link } from './link';
import { net, setOnline } from './net';
import { contextBridge } from './preload';
import { protocol, setReadyCheck } from './protocol';
import { defaultSession, session } from './session';
import { BrowserWindow, setLastWindowClosed, windowById } from './windows';

setReadyCheck(() => app.isReady());
// Electron always sets process.resourcesPath (Node has none): a packaged app's resources folder, or in
// development the Electron distribution's own, which holds nothing of the app's.
Object.assign(process, {
  resourcesPath:
    process.env['STANDIN_RESOURCES_PATH'] ??
    join(process.env['STANDIN_APP_PATH'] ?? process.cwd(), 'node_modules/electron/dist/resources'),
});
// Electron's version, when the launch names one: a packaged app finds its build of better-sqlite3 by it
// (src/main/electron/native.ts). The package check ships the Node build under that name, which loads here.
if (process.env['STANDIN_ELECTRON_VERSION']) {
  Object.defineProperty(process.versions, 'electron', {
    value: process.env['STANDIN_ELECTRON_VERSION'],
    enumerable: true,
  });
}
setLastWindowClosed(() => app.lastWindowClosed());

/** What a test may fake about an IPC sender. */
interface SenderSpec {
  windowId: number;
  url?: string;
  isMainFrame?: boolean;
  fromOurWindow?: boolean;
}

link.serve({
  channels: () => ipcMain.channels(),
  exposed: ({ windowId }: { windowId: number }) => windowById(windowId).webContents.preload?.shape() ?? {},
  invokeAs: ({ sender, channel, args }: { sender: SenderSpec; channel: string; args: unknown[] }) => {
    const wc = windowById(sender.windowId).webContents;
    const url = sender.url ?? wc.getURL();
    const top = frameFor(sender.isMainFrame === false ? wc.getURL() : url);
    const frame = sender.isMainFrame === false ? frameFor(url, top) : top;
    const from = sender.fromOurWindow === false ? { id: 999, isDestroyed: () => false } : wc;
    return ipcMain.invoke(from, frame, channel, cloneForIpc(args));
  },
  // The page calls a function the preload exposed (../page-bridge.ts carries the call here).
  'bridge:call': async ({ windowId, path, args }: { windowId: number; path: string[]; args: unknown[] }) => {
    const run = windowById(windowId).webContents.preload;
    if (!run) throw new Error('Nothing is exposed in this document');
    let target: unknown = run.exposed.get(path[0] ?? '');
    for (const key of path.slice(1)) target = (target as Record<string, unknown>)[key];
    if (typeof target !== 'function') throw new TypeError(`${path.join('.')} is not a function`);
    const decoded = args.map((arg) => {
      const marker = arg as { __fn?: number; v?: unknown };
      if (typeof marker.__fn === 'number') {
        const id = marker.__fn;
        return (...cbArgs: unknown[]) =>
          void link
            .call('page:callback', { windowId, id, args: cbArgs.map((a) => cloneForIpc(a)) })
            .catch(() => undefined);
      }
      return marker.v;
    });
    const result: unknown = await (target as (...a: unknown[]) => unknown)(...decoded);
    if (typeof result === 'function') {
      const id = run.nextReturned++;
      run.returned.set(id, result as (...a: unknown[]) => unknown);
      return { __fn: id };
    }
    return { v: cloneForIpc(result) };
  },
  'bridge:callReturned': async ({
    windowId,
    id,
    args,
  }: {
    windowId: number;
    id: number;
    args: unknown[];
  }) => {
    const fn = windowById(windowId).webContents.preload?.returned.get(id);
    if (!fn) throw new Error('That function belongs to a document that is gone');
    return { v: cloneForIpc(await fn(...args)) };
  },
  'page:will-navigate': ({ windowId, url }: { windowId: number; url: string }) =>
    windowById(windowId).webContents.willNavigate(url),
  'page:escape': ({ windowId, url }: { windowId: number; url: string }) => {
    windowById(windowId).webContents.escapeTo(url);
    return null;
  },
  'page:navigated': ({ windowId, url }: { windowId: number; url: string }) => {
    windowById(windowId).webContents.navigated(url);
    return null;
  },
  'page:window-open': ({ windowId, url }: { windowId: number; url: string }) =>
    windowById(windowId).webContents.windowOpen(url).action,
  'window:user-close': ({ windowId }: { windowId: number }) => {
    windowById(windowId).close();
    return null;
  },
  permission: ({
    windowId,
    permission,
    origin,
    kind,
  }: {
    windowId: number;
    permission: string;
    origin?: string;
    kind: 'check' | 'request';
  }) => {
    const wc = windowById(windowId).webContents;
    const from = origin ?? frameFor(wc.getURL()).origin;
    return kind === 'check'
      ? defaultSession.check(wc, permission, from)
      : defaultSession.request(wc, permission, from);
  },
  clickNotification: ({ index, collectGarbage }: { index: number; collectGarbage: boolean }) => {
    if (collectGarbage) {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (!gc) throw new Error('Started without --expose-gc');
      gc();
    }
    return clickNotification(index);
  },
  clickMenu: ({ label }: { label: string }) => clickMenuItem(label),
  setOnline: ({ online }: { online: boolean }) => {
    setOnline(online);
    return null;
  },
  powerMonitor: ({ event }: { event: string }) => {
    powerMonitor.emit(event);
    return null;
  },
  quit: () => {
    app.quit();
    return null;
  },
});

const webContents = {
  getAllWebContents: () => BrowserWindow.getAllWindows().map((w) => w.webContents),
};

export {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  Menu,
  net,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  webContents,
};

// `require('electron')` from CommonJS (electron-updater, …) gets the same objects.
const electron: Record<string, unknown> = {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  Menu,
  net,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  webContents,
};
export default electron;
