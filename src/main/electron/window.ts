// The main window, with the security policy of security.ts wired in: isolated sandboxed renderer, no
// navigation, no new windows (https links go to the system browser), no permissions, the CSP also as a
// response header for the dev server. Its size and position are remembered between runs.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, screen, session, shell } from 'electron';
import { APP_NAME } from '../../shared/app';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { allowNavigation, allowOpenExternal, allowPermission, secureWebPreferences } from './security';
import { DEFAULT_SIZE, loadWindowState, MIN_SIZE, restoredBounds, saveWindowState } from './window-state';

/** Where the renderer comes from: the dev server's URL in `electron-vite dev`, else the built file. */
export function rendererLocation(): { url: string; file: string | null } {
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  if (devUrl) return { url: devUrl, file: null };
  const file = join(import.meta.dirname, '../renderer/index.html');
  return { url: pathToFileURL(file).href, file };
}

/** Applies the session-wide policy once: no permission is granted, the CSP is on every response. */
export function secureDefaultSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(allowPermission(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => allowPermission(permission));
  ses.setDevicePermissionHandler(() => false);
  // file:// loads carry the <meta> policy of index.html; http(s) responses (the dev server) get it as
  // a header too, which also enforces frame-ancestors.
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!/^https?:/.test(details.url)) return callback({});
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/** Creates the main window; `statePath` is where its bounds are remembered. */
export function createMainWindow(opts: { statePath: string; devTools: boolean }): BrowserWindow {
  const state = loadWindowState(opts.statePath);
  const bounds = restoredBounds(
    state.bounds,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: APP_NAME,
    show: false,
    webPreferences: {
      ...secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
      devTools: opts.devTools,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const contents = win.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    if (allowOpenExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());

  const remember = (): void =>
    saveWindowState(opts.statePath, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  win.on('close', remember);

  const { url, file } = rendererLocation();
  if (file) void win.loadFile(file);
  else void win.loadURL(url);
  return win;
}
