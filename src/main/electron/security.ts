// The window's security policy as pure functions (Electron's security checklist), so it is tested in
// plain Node: the webPreferences, which navigations and links are allowed, which IPC senders are
// trusted, and that no permission is ever granted. window.ts and ipc.ts only wire these in.
import type { WebPreferences } from 'electron';

/** The webPreferences of every window: isolated, sandboxed, no Node, nothing experimental. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/**
 * Whether the window may navigate to `url`: never. The renderer is a single page; a navigation can only
 * come from content (a link in a recording's text, a dropped file) and would leave the app's origin.
 */
export function allowNavigation(_url: string): boolean {
  return false;
}

/** Whether a link may be opened in the system browser: https only, no credentials in it. */
export function allowOpenExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
}

/** Whether a permission request (camera, notifications from the page, geolocation…) is granted: never. */
export function allowPermission(_permission: string): boolean {
  return false;
}

/** What is known about the frame an IPC message came from. */
export interface SenderInfo {
  /** The message came from our main window's webContents. */
  fromOurWindow: boolean;
  /** The frame is the top frame (not an iframe). */
  isMainFrame: boolean;
  /** The frame's URL; null when the frame is gone (navigated or destroyed). */
  url: string | null;
}

/**
 * Whether an IPC sender is the app's own renderer: our window, its main frame, showing our page. For a
 * file:// renderer the page is compared by path (file URLs have no usable origin); for the dev server
 * by origin.
 */
export function isTrustedSender(sender: SenderInfo, rendererUrl: string): boolean {
  if (!sender.fromOurWindow || !sender.isMainFrame || sender.url === null) return false;
  let frame: URL;
  let ours: URL;
  try {
    frame = new URL(sender.url);
    ours = new URL(rendererUrl);
  } catch {
    return false;
  }
  if (ours.protocol === 'file:') {
    return frame.protocol === 'file:' && frame.host === ours.host && frame.pathname === ours.pathname;
  }
  return frame.origin === ours.origin;
}
