// The window's security policy as pure functions (Electron's security checklist), so it is tested in
// plain Node: the webPreferences, which navigations are allowed, which IPC senders are trusted, and
// that no permission is ever granted. window.ts and ipc.ts only wire these in. Which links may leave
// the app is the one rule of src/shared/links.ts, shared with the renderer.
import type { WebPreferences } from 'electron';
import { parseUrl } from '../../shared/links';

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
 * Whether the window may navigate to `url`. The renderer is a single page: a navigation can only come
 * from content (a link in a recording's text, a dropped file) and would leave the app's origin. The one
 * exception is development, where Vite's full reload reloads our own dev page (`devPageUrl`: the dev
 * server's page, null in the app).
 */
export function allowNavigation(url: string, devPageUrl: string | null = null): boolean {
  if (devPageUrl === null) return false;
  const target = parseUrl(url);
  const dev = parseUrl(devPageUrl);
  return target !== null && dev !== null && sameOrigin(target, dev) && target.pathname === dev.pathname;
}

/**
 * Whether a permission is granted: only writing to the clipboard ("Copy logs"), and only to our own
 * page. Camera, microphone, notifications from the page, geolocation, reading the clipboard: never.
 */
export function allowPermission(
  permission: string,
  requestingUrl: string | null,
  rendererUrl: string,
): boolean {
  if (permission !== 'clipboard-sanitized-write' || requestingUrl === null) return false;
  const from = parseUrl(requestingUrl);
  const ours = parseUrl(rendererUrl);
  return from !== null && ours !== null && sameOrigin(from, ours);
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
 * Whether an IPC sender is the app's own renderer: our window, its main frame, showing a page of our
 * origin (app://screendesk in the app, the dev server in development).
 */
export function isTrustedSender(sender: SenderInfo, rendererUrl: string): boolean {
  if (!sender.fromOurWindow || !sender.isMainFrame || sender.url === null) return false;
  const frame = parseUrl(sender.url);
  const ours = parseUrl(rendererUrl);
  return frame !== null && ours !== null && sameOrigin(frame, ours);
}

/**
 * Same scheme, host and port. Compared field by field: Node's URL gives every custom scheme (app://)
 * the opaque origin "null", so comparing `.origin` would make any two custom-scheme pages equal; and
 * file: URLs, which have no host to tell them apart, never match.
 */
function sameOrigin(a: URL, b: URL): boolean {
  if (a.protocol === 'file:' || b.protocol === 'file:') return false;
  return a.protocol === b.protocol && a.hostname !== '' && a.hostname === b.hostname && a.port === b.port;
}
