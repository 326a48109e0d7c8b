// The stand-in BrowserWindow and webContents. A window is a page in the harness's Chromium; its
// preload runs here (preload.ts) for every document, its URL is the app's view of the page's URL
// (protocol.ts), and the events the app listens to are emitted when Chromium does the thing:
// did-finish-load and ready-to-show after the page loaded, will-navigate before the page leaves
// (preventable: the harness aborts the navigation), the window-open handler for popups.
import { EventEmitter } from 'node:events';
import { readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Electron from 'electron';
import { cloneForIpc } from './clone';
import { frameFor, ipcMain } from './ipc-main';
import { failIfAsked, link, preventable, record } from './link';
import { runPreload } from './preload';
import type { PreloadRun } from './preload';
import { toAppUrl, toPageUrl } from './protocol';
import { defaultSession } from './session';

const windows = new Map<number, StandInBrowserWindow>();
let nextId = 1;
let onLastClosed: () => void = () => undefined;

/** Sets what happens when the last window closes (app.ts). */
export function setLastWindowClosed(fn: () => void): void {
  onLastClosed = fn;
}

/** The windows that are open. */
export function allWindows(): StandInBrowserWindow[] {
  return [...windows.values()];
}

/** A window by id. */
export function windowById(id: number): StandInBrowserWindow {
  const win = windows.get(id);
  if (!win) throw new Error(`No window ${id}`);
  return win;
}

class StandInWebContents extends EventEmitter {
  readonly session = defaultSession;
  #url = '';
  #openHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null = null;
  #destroyed = false;
  preload: PreloadRun | null = null;

  constructor(
    readonly id: number,
    readonly preloadPath: string | null,
  ) {
    super();
  }

  getURL(): string {
    return this.#url;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  destroyed(): void {
    this.#destroyed = true;
    this.preload = null;
  }

  get mainFrame(): ReturnType<typeof frameFor> {
    return frameFor(this.#url);
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    const copied = args.map((a) => cloneForIpc(a));
    this.preload?.deliver(channel, copied);
  }

  setWindowOpenHandler(
    handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse,
  ): void {
    this.#openHandler = handler;
    record('webContents:setWindowOpenHandler', { windowId: this.id });
  }

  /** A popup the page asked for: the app's handler decides (no handler: Electron allows it). */
  windowOpen(url: string): Electron.WindowOpenHandlerResponse {
    const answer = this.#openHandler?.({
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: this.#url, policy: 'strict-origin-when-cross-origin' },
    } as Electron.HandlerDetails) ?? { action: 'allow' };
    record('webContents:window-open', { windowId: this.id, url, action: answer.action });
    return answer;
  }

  /** A navigation the page started: will-navigate decides. */
  willNavigate(pageUrl: string): boolean {
    const url = toAppUrl(pageUrl);
    const event = preventable({ url, isMainFrame: true, isSameDocument: false });
    this.emit('will-navigate', event, url);
    record('webContents:will-navigate', { windowId: this.id, url, prevented: event.defaultPrevented });
    if (event.defaultPrevented) return false;
    this.#startDocument(url);
    return true;
  }

  /** A document the harness loads past the guard (a navigation that escaped): its preload runs. */
  escapeTo(pageUrl: string): void {
    const url = toAppUrl(pageUrl);
    record('webContents:escaped-navigation', { windowId: this.id, url });
    this.#startDocument(url);
  }

  /** Where the page is now (after a navigation the harness saw). */
  navigated(pageUrl: string): void {
    this.#url = toAppUrl(pageUrl);
  }

  async loadURL(url: string): Promise<void> {
    record('webContents:loadURL', { windowId: this.id, url });
    let pageUrl: string;
    try {
      pageUrl = await toPageUrl(url);
    } catch (error) {
      this.emit('did-fail-load', preventable(), -302, String(error), url, true);
      throw error;
    }
    const shape = this.#startDocument(url);
    try {
      await link.call('page:goto', { windowId: this.id, url: pageUrl, shape });
    } catch (error) {
      this.emit('did-fail-load', preventable(), -2, String(error), url, true);
      throw error;
    }
    this.emit('dom-ready', preventable());
    this.emit('did-finish-load', preventable());
    record('webContents:did-finish-load', { windowId: this.id, url });
    this.emit('loaded-for-window');
  }

  loadFile(path: string): Promise<void> {
    return this.loadURL(pathToFileURL(path).href);
  }

  reload(): void {
    void link.call('page:reload', { windowId: this.id });
  }

  openDevTools(): void {
    record('webContents:openDevTools', { windowId: this.id });
  }

  focus(): void {
    record('webContents:focus', { windowId: this.id });
  }

  #startDocument(url: string): Record<string, unknown> {
    this.#url = url;
    if (this.preloadPath === null) {
      this.preload = null;
      return {};
    }
    this.preload = runPreload(this.preloadPath, {
      windowId: this.id,
      invoke: (channel, args) => ipcMain.invoke(this, frameFor(this.#url), channel, args),
    });
    return this.preload.shape();
  }
}

/** Options the harness reports back for a test to check. */
function describeOptions(options: Electron.BrowserWindowConstructorOptions): Record<string, unknown> {
  const { webPreferences, ...rest } = options;
  return {
    ...cloneForIpc(JSON.parse(JSON.stringify(rest)) as object),
    webPreferences: { ...webPreferences },
  };
}

class StandInBrowserWindow extends EventEmitter {
  readonly id = nextId++;
  readonly webContents: StandInWebContents;
  #visible = false;
  #maximized = false;
  #minimized = false;
  #destroyed = false;
  #readyShown = false;
  #bounds: Electron.Rectangle;

  static getAllWindows(): StandInBrowserWindow[] {
    return allWindows();
  }

  static fromWebContents(wc: unknown): StandInBrowserWindow | null {
    return allWindows().find((w) => w.webContents === wc) ?? null;
  }

  static getFocusedWindow(): StandInBrowserWindow | null {
    return allWindows()[0] ?? null;
  }

  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    failIfAsked('BrowserWindow');
    const prefs = options.webPreferences ?? {};
    this.webContents = new StandInWebContents(this.id, prefs.preload ?? null);
    this.#bounds = {
      x: options.x ?? 100,
      y: options.y ?? 100,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    windows.set(this.id, this);
    // What the data folder holds at this moment: a test sees what the app did before its window.
    const dataDir = process.env['STANDIN_WATCH_DIR'];
    const files = dataDir ? listFiles(dataDir) : [];
    record('window:create', { windowId: this.id, options: describeOptions(options), files });
    link.call('window:create', { windowId: this.id }).catch(() => undefined);
    this.webContents.on('loaded-for-window', () => {
      if (this.#readyShown) return;
      this.#readyShown = true;
      record('window:ready-to-show', { windowId: this.id });
      this.emit('ready-to-show', preventable());
    });
    if (options.show !== false) this.show();
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  isVisible(): boolean {
    return this.#visible;
  }

  show(): void {
    this.#visible = true;
    this.#minimized = false;
    record('window:show', { windowId: this.id, contentLoaded: this.#readyShown });
  }

  hide(): void {
    this.#visible = false;
    record('window:hide', { windowId: this.id });
  }

  maximize(): void {
    // On Windows and Linux, maximizing a hidden window shows it.
    if (!this.#visible) this.show();
    this.#maximized = true;
    record('window:maximize', { windowId: this.id });
  }

  unmaximize(): void {
    this.#maximized = false;
  }

  isMaximized(): boolean {
    return this.#maximized;
  }

  minimize(): void {
    this.#minimized = true;
    record('window:minimize', { windowId: this.id });
  }

  isMinimized(): boolean {
    return this.#minimized;
  }

  restore(): void {
    this.#minimized = false;
    record('window:restore', { windowId: this.id });
  }

  focus(): void {
    this.#visible = true;
    record('window:focus', { windowId: this.id });
  }

  getBounds(): Electron.Rectangle {
    return { ...this.#bounds };
  }

  getNormalBounds(): Electron.Rectangle {
    return { ...this.#bounds };
  }

  setBounds(bounds: Partial<Electron.Rectangle>): void {
    this.#bounds = { ...this.#bounds, ...bounds };
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  loadFile(path: string): Promise<void> {
    return this.webContents.loadFile(path);
  }

  /** Closing asks 'close' (preventable), then the window is gone. */
  close(): void {
    if (this.#destroyed) return;
    const event = preventable();
    this.emit('close', event);
    if (event.defaultPrevented) {
      record('window:close-prevented', { windowId: this.id });
      return;
    }
    this.destroy();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    windows.delete(this.id);
    this.webContents.destroyed();
    record('window:closed', { windowId: this.id });
    link.call('window:close', { windowId: this.id }).catch(() => undefined);
    this.emit('closed');
    if (windows.size === 0) onLastClosed();
  }
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((f) => relative('.', f))
      .sort();
  } catch {
    return [];
  }
}

/** The stand-in BrowserWindow class. */
export const BrowserWindow = StandInBrowserWindow;
export type { StandInBrowserWindow };
