// The main window, with the security policy of security.ts wired in: isolated sandboxed renderer from
// app:// (app-protocol.ts), no navigation (but the dev server's reload in development), no new windows
// (https links go to the system browser after the user saw where), only the clipboard-write
// permission for our page, the CSP also as a response header for the dev server. Its size and
// position are remembered between runs; a maximized one is maximized once it has content.
import { join } from 'node:path';
import type { BrowserWindow as BrowserWindowType } from 'electron';
import { BrowserWindow, screen, session } from 'electron';
import { APP_NAME } from '../../shared/app';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { APP_PAGE_URL } from './app-protocol';
import { allowNavigation, allowPermission, secureWebPreferences } from './security';
import { DEFAULT_SIZE, loadWindowState, MIN_SIZE, restoredBounds, saveWindowState } from './window-state';

/** Where the renderer comes from. */
export interface RendererLocation {
  /** The page the window opens. */
  url: string;
  /** The dev server's page (`electron-vite dev`), or null: then only url's origin is ours. */
  devUrl: string | null;
}

/**
 * The dev server's URL in `electron-vite dev`, else the built renderer on app://. The environment
 * decides which code runs only in development: a packaged app ignores ELECTRON_RENDERER_URL.
 */
export function rendererLocation(
  isPackaged: boolean,
  env: NodeJS.ProcessEnv = process.env,
): RendererLocation {
  const devUrl = isPackaged ? '' : (env['ELECTRON_RENDERER_URL'] ?? '');
  return devUrl ? { url: devUrl, devUrl } : { url: APP_PAGE_URL, devUrl: null };
}

/** The built renderer's folder (beside out/main; inside the asar when packaged). */
export const RENDERER_DIR = join(import.meta.dirname, '../renderer');

/** Applies the session-wide policy once: the clipboard for our page only, the CSP on every response. */
export function secureDefaultSession(location: RendererLocation, ourWindow: (wc: unknown) => boolean): void {
  const ses = session.defaultSession;
  const granted = (wc: unknown, permission: string, url: string | null): boolean =>
    ourWindow(wc) && allowPermission(permission, url, location.url);
  ses.setPermissionRequestHandler((wc, permission, callback, details) =>
    callback(granted(wc, permission, details.requestingUrl ?? null)),
  );
  ses.setPermissionCheckHandler((wc, permission, requestingOrigin) =>
    granted(wc, permission, requestingOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
  // app:// answers carry the policy as a header (app-protocol.ts); http(s) responses (the dev server)
  // get it here, which also enforces frame-ancestors.
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (!/^https?:/.test(details.url)) return callback({});
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/** What the window needs from the rest of the app. */
export interface MainWindowOptions {
  statePath: string;
  devTools: boolean;
  location: RendererLocation;
  /** Opens an https link outside the app (after asking: external-links.ts). */
  openExternal: (url: string) => void;
}

/** Creates the main window and starts loading the renderer. */
export function createMainWindow(opts: MainWindowOptions): BrowserWindowType {
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
  // Maximizing a hidden window shows it at once, blank: wait for the first paint.
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });

  const contents = win.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    opts.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url, opts.location.devUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowNavigation(url, opts.location.devUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());

  const remember = (): void =>
    saveWindowState(opts.statePath, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  win.on('close', remember);

  void win.loadURL(opts.location.url);
  return win;
}
