// Electron bootstrap only. The order matters, and each step is where Electron wants it:
//  1. the data folder (resolved, created, private) as userData, then the single-instance lock in it;
//  2. before ready: the app:// scheme registered, the sandbox enabled, the quit handler in place;
//  3. at ready: the session policy, app:// served, IPC handlers (they wait for the service), the
//     menu, the last account's cache migrated, then the window, which shows while
//  4. the keychain is probed (up to seconds) and the service (plain Node, shared with the browser
//     host and the CLI's core) starts on threads of its own (src/main/threads/): this thread only
//     relays IPC calls and events, and serves the keychain, net.request, links and the updater.
// Any error before the service runs is shown to the user and the app quits (releasing the lock), rather
// than living on without a window.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import type { EventChannel, EventOf } from '../shared/contract';
import { APP_ID, APP_NAME } from '../shared/app';
import { preparePrivateDataDir, resolveDataDir } from './data-folder';
import { openAccountDb } from './db';
import { setSqliteNativeBinding } from './db/open';
import { apiFetch } from './electron/api-fetch';
import { registerAppScheme, serveRenderer } from './electron/app-protocol';
import { openExternalAfterAsking } from './electron/external-links';
import { bindIpc, windowEventSink } from './electron/ipc';
import { menuTemplate } from './electron/menu';
import { findSqliteBinding, sqliteBindingCandidates } from './electron/native';
import { notifyProblem } from './electron/notifications';
import { createAutoUpdate } from './electron/updater';
import { watchOsOnline } from './electron/online';
import { closeBeforeQuit } from './electron/quit';
import { clearSessionOnSignOut } from './electron/session-cleanup';
import { createMainWindow, RENDERER_DIR, rendererLocation, secureDefaultSession } from './electron/window';
import type { ServiceDoor } from './ipc';
import { defaultDataDir } from './paths';
import { openSecretStore } from './secrets';
import { startService } from './threads';
import type { RunningService } from './threads';
import { createFileLogger, nullLogger } from './log/logger';
import type { Logger } from './log/logger';
import { SettingsStore } from './service/settings-file';

let log: Logger = nullLogger;
let starting = true;
let failing = false;

/** Shows why the app cannot start and exits: a process without a window would hold the lock forever. */
function failStart(error: unknown): void {
  if (failing) return;
  failing = true;
  log.error('The app could not start', error);
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(`${APP_NAME} could not start`, `${message}\n\nDetails are in the log file: ${logPath}`);
  app.exit(1);
}

process.on('uncaughtException', (error) => {
  if (starting) failStart(error);
  log.error('Uncaught exception', error);
});
process.on('unhandledRejection', (error) => {
  if (starting) failStart(error);
  log.error('Unhandled rejection', error);
});

const isDev = !app.isPackaged;
// The app and the CLI share one data folder (caches, settings); the single-instance lock lives in it
// too, so it is set before anything else. Electron refuses a relative or missing userData.
const dataDir = resolveDataDir(process.env['SCREENDESK_DATA_DIR'], defaultDataDir());
const logPath = join(dataDir, 'logs', 'main.log');
let prepared = false;
try {
  preparePrivateDataDir(dataDir);
  app.setName(APP_NAME);
  app.setPath('userData', dataDir);
  log = createFileLogger({ path: logPath, echo: isDev });
  // The first line of every run: which version, on what, with which folder (what support asks first).
  log.info(
    `${APP_NAME} ${app.getVersion()} starting on ${process.platform}-${process.arch}, data in ${dataDir}`,
  );
  // Windows shows notifications only for an app with a user model id (the installer's appId).
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  // Every renderer sandboxed, whatever a window's options say; the renderer's own origin, app://.
  app.enableSandbox();
  registerAppScheme();
  prepared = true;
} catch (error) {
  failStart(error);
}

if (!prepared) {
  // failStart() is exiting.
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let service: RunningService | null = null;
  let open: (() => void) | null = null;
  const currentWindow = (): BrowserWindow | null => (win && !win.isDestroyed() ? win : null);

  // First of all: whatever has started by the time the user quits is closed, within a few seconds.
  let stopWatching = (): void => undefined;
  closeBeforeQuit(
    app,
    async () => {
      stopWatching();
      stopUpdates();
      await service?.close();
    },
    log,
  );

  app.on('second-instance', () => {
    const w = currentWindow();
    if (!w) return open?.();
    if (w.isMinimized()) w.restore();
    w.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(async () => {
    try {
      if (!useElectronSqlite()) return;
      const location = rendererLocation(app.isPackaged);
      secureDefaultSession(location, (wc) => wc === currentWindow()?.webContents);
      serveRenderer(RENDERER_DIR);

      let started: (s: ServiceDoor) => void = () => undefined;
      let failed: (e: unknown) => void = () => undefined;
      const ready = new Promise<ServiceDoor>((resolve, reject) => {
        started = resolve;
        failed = reject;
      });
      ready.catch(() => undefined);
      bindIpc({
        service: ready,
        window: currentWindow,
        rendererUrl: location.url,
        log,
      });
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          menuTemplate({
            appName: APP_NAME,
            isMac: process.platform === 'darwin',
            isDev,
            actions: {
              syncNow: () => void service?.call('sync:now', {}),
              openDataFolder: () => void shell.openPath(dataDir),
              openLogFile: () => void shell.openPath(logPath),
            },
          }),
        ),
      );
      migrateLastCache();

      const openLink = (url: string): void => void openExternalAfterAsking(url, currentWindow());
      open = () => {
        win = createMainWindow({
          statePath: join(dataDir, 'window-state.json'),
          devTools: isDev,
          location,
          openExternal: openLink,
        });
      };
      open();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) open?.();
      });

      try {
        service = await startServiceAndUpdates(currentWindow);
      } catch (error) {
        failed(error);
        throw error;
      }
      started(clearSessionOnSignOut(service, session.defaultSession));
      stopWatching = watchOsOnline((online) => service?.setOsOnline(online));
      starting = false;
    } catch (error) {
      failStart(error);
    }
  });
}

let stopUpdates = (): void => undefined;
// better-sqlite3's Electron build, found at ready: the service's threads load the same one.
let sqliteBinding: string | null = null;

/**
 * The keychain (its probe may take seconds: the window is already up), then the service, then the update
 * checks (off without a release feed; an update installs only while no sync or push runs).
 */
async function startServiceAndUpdates(currentWindow: () => BrowserWindow | null): Promise<RunningService> {
  const { store, warning } = await openSecretStore({ service: APP_NAME });
  if (warning) log.warn(`Keychain: ${warning}`);
  const toWindow = windowEventSink(currentWindow);
  const events = <E extends EventChannel>(event: E, payload: EventOf<E>): void => {
    toWindow(event, payload);
    if (event === 'outbox:problem') notifyProblem(payload as EventOf<'outbox:problem'>, currentWindow);
  };
  const autoUpdate = createAutoUpdate({ log, onReady: (version) => events('update:ready', { version }) });
  const service = await startService({
    // The bundle's thread entries, next to this file (electron.vite.config.ts).
    entries: {
      service: join(import.meta.dirname, 'service-thread.js'),
      reader: join(import.meta.dirname, 'reader-thread.js'),
    },
    dataDir,
    secrets: store,
    keychainWarning: warning,
    events,
    host: 'electron',
    version: app.getVersion(),
    // The service let only https links through; the user is shown the host before leaving the app.
    openExternal: (url) => openExternalAfterAsking(url, currentWindow()).then(() => undefined),
    // Chromium's network stack (system proxy settings and certificates), no cookies, no HTTP cache.
    fetch: apiFetch,
    log,
    updates: autoUpdate.door,
    sqliteBinding,
    validateResults: isDev,
  });
  autoUpdate.start(() => service.whenIdle());
  stopUpdates = () => autoUpdate.stop();
  return service;
}

/**
 * Brings the cache of the account the user was signed in to up to the app's schema before the window
 * shows it. A cache that cannot be opened is left to the service, which reports it in the window.
 */
function migrateLastCache(): void {
  const last = new SettingsStore(dataDir).get().lastAccount;
  if (last === null || last.accountId === null) return;
  try {
    openAccountDb({ dataDir, accountId: last.accountId }).close();
  } catch (error) {
    log.warn('Could not migrate the last account’s cache at start', error);
  }
}

/**
 * Points better-sqlite3 at its Electron build (see electron/native.ts). Without one, the Node build in
 * node_modules cannot load in Electron: say how to fix it and quit, rather than fail at first use.
 */
function useElectronSqlite(): boolean {
  const binding = findSqliteBinding(
    sqliteBindingCandidates({
      appRoot: app.getAppPath(),
      resourcesPath: process.resourcesPath,
      isPackaged: app.isPackaged,
      electronVersion: process.versions.electron ?? '',
      platform: process.platform,
      arch: process.arch,
    }),
  );
  setSqliteNativeBinding(binding ?? undefined);
  sqliteBinding = binding;
  try {
    new Database(':memory:', binding === null ? undefined : { nativeBinding: binding }).close();
    return true;
  } catch (error) {
    log.error('better-sqlite3 cannot load in Electron', error);
    dialog.showErrorBox(
      `${APP_NAME} cannot open its database`,
      'The database module is not built for this version of Electron. In the project folder, run:\n\n' +
        '    npm run rebuild:electron\n\nthen start the app again.',
    );
    app.exit(1);
    return false;
  }
}
