// Electron bootstrap only: paths, the single-instance lock, the security defaults, then the service
// (plain Node, shared with the browser host and the CLI's core) wired to the window through IPC.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { app, BrowserWindow, dialog, Menu, net, shell } from 'electron';
import type { EventChannel, EventOf } from '../shared/contract';
import { APP_ID, APP_NAME } from '../shared/app';
import { setSqliteNativeBinding } from './db/open';
import { bindIpc, windowEventSink } from './electron/ipc';
import { menuTemplate } from './electron/menu';
import { findSqliteBinding, sqliteBindingCandidates } from './electron/native';
import { notifyProblem } from './electron/notifications';
import { createAutoUpdate } from './electron/updater';
import { watchOsOnline } from './electron/online';
import { createMainWindow, rendererLocation, secureDefaultSession } from './electron/window';
import { defaultDataDir } from './paths';
import { openSecretStore } from './secrets';
import { DesktopService } from './service';
import { createFileLogger } from './service/log';

// The app and the CLI share one data folder (caches, settings); the single-instance lock lives in it
// too, so it is set before anything else.
const dataDir = process.env['SCREENDESK_DATA_DIR'] || defaultDataDir();
app.setName(APP_NAME);
app.setPath('userData', dataDir);
// Windows shows notifications only for an app with a user model id (the installer's appId).
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
const isDev = !app.isPackaged;
const logPath = join(dataDir, 'logs', 'main.log');
const log = createFileLogger({ path: logPath, echo: isDev });
// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

process.on('uncaughtException', (error) => log.error('Uncaught exception', error));
process.on('unhandledRejection', (error) => log.error('Unhandled rejection', error));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  const currentWindow = (): BrowserWindow | null => (win && !win.isDestroyed() ? win : null);

  app.on('second-instance', () => {
    const w = currentWindow();
    if (!w) return;
    if (w.isMinimized()) w.restore();
    w.focus();
  });

  void app.whenReady().then(async () => {
    if (!useElectronSqlite()) return;
    secureDefaultSession();
    const { store, warning } = await openSecretStore({ service: APP_NAME });
    if (warning) log.warn(`Keychain: ${warning}`);

    const toWindow = windowEventSink(currentWindow);
    const events = <E extends EventChannel>(event: E, payload: EventOf<E>): void => {
      toWindow(event, payload);
      if (event === 'outbox:problem') notifyProblem(payload as EventOf<'outbox:problem'>, currentWindow);
    };
    const autoUpdate = createAutoUpdate({ log, onReady: (version) => events('update:ready', { version }) });
    const service = new DesktopService({
      dataDir,
      secrets: store,
      keychainWarning: warning,
      events,
      host: 'electron',
      version: app.getVersion(),
      // The caller checked the URL (https only) before it gets here.
      openExternal: (url) => shell.openExternal(url),
      // Chromium's network stack: system proxy settings and certificates apply.
      fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
      log,
      updates: autoUpdate.door,
    });
    bindIpc({
      service,
      window: currentWindow,
      rendererUrl: rendererLocation().url,
      log,
      validateResults: isDev,
    });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          appName: APP_NAME,
          isMac: process.platform === 'darwin',
          isDev,
          actions: {
            syncNow: () => void service['sync:now']().catch(() => undefined),
            openDataFolder: () => void shell.openPath(dataDir),
            openLogFile: () => void shell.openPath(logPath),
          },
        }),
      ),
    );

    const open = (): void => {
      win = createMainWindow({ statePath: join(dataDir, 'window-state.json'), devTools: isDev });
    };
    open();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
    const stopWatching = watchOsOnline((online) => service.setOsOnline(online));
    await service.start();
    autoUpdate.start(() => service.whenIdle());

    // Quitting waits for the service to close its database and stop its demo server.
    let closed = false;
    app.on('before-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      stopWatching();
      autoUpdate.stop();
      void service.close().finally(() => {
        closed = true;
        app.quit();
      });
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
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
    app.quit();
    return false;
  }
}
