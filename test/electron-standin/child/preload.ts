// Running a window's preload as Electron runs a sandboxed one: a CommonJS function whose `require`
// knows only 'electron' (its renderer modules: contextBridge, ipcRenderer) and a few Node built-ins,
// with a reduced `process`. Each navigation of the window gets a fresh run. What the preload exposes
// with contextBridge is what the page's `window` receives (see ../page-bridge.ts).
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { compileFunction } from 'node:vm';
import type * as Electron from 'electron';
import { cloneForIpc } from './clone';
import { record } from './link';

/** What a page sees of an exposed value: functions become calls across, the rest is copied. */
export type Shape = { fn: true } | { obj: Record<string, Shape> } | { value: unknown };

/** Everything the main side of IPC needs to answer one preload's calls. */
export interface PreloadHost {
  windowId: number;
  /** ipcMain's invoke handling for this window (the sender event is built there). */
  invoke(channel: string, args: unknown[]): Promise<unknown>;
}

/** One run of a preload (one document of the window). */
export class PreloadRun {
  readonly exposed = new Map<string, unknown>();
  readonly ipcRenderer: EventEmitter & Pick<Electron.IpcRenderer, 'invoke'>;
  /** Functions handed to the page as return values, by id. */
  readonly returned = new Map<number, (...args: unknown[]) => unknown>();
  nextReturned = 1;

  constructor(readonly host: PreloadHost) {
    const ipc = new EventEmitter() as EventEmitter & Pick<Electron.IpcRenderer, 'invoke'>;
    ipc.invoke = async (channel: string, ...args: unknown[]) => {
      // Copied before they leave, exactly as Electron's serializer does (a Proxy throws here).
      const copied = args.map((a) => cloneForIpc(a));
      return cloneForIpc(await host.invoke(channel, copied));
    };
    Object.assign(ipc, {
      send: () => {
        throw new Error('The stand-in carries ipcRenderer.invoke only');
      },
      sendSync: () => {
        throw new Error('The stand-in carries ipcRenderer.invoke only');
      },
    });
    this.ipcRenderer = ipc;
  }

  /** A message from main (webContents.send), to the preload's listeners. */
  deliver(channel: string, args: unknown[]): void {
    const event = { sender: this.ipcRenderer, senderId: 0, ports: [] };
    this.ipcRenderer.emit(channel, event, ...args.map((a) => cloneForIpc(a)));
  }

  /** What the page receives for each exposed key. */
  shape(): Record<string, Shape> {
    return Object.fromEntries([...this.exposed].map(([key, value]) => [key, shapeOf(value)]));
  }
}

let running: PreloadRun | null = null;

/** The renderer half of the electron module: only usable while a preload runs. */
export const contextBridge: Pick<Electron.ContextBridge, 'exposeInMainWorld'> = {
  exposeInMainWorld(key: string, api: unknown): void {
    if (running === null) throw new Error('contextBridge can only be used in a preload script');
    if (running.exposed.has(key))
      throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    running.exposed.set(key, api);
    record('contextBridge:exposeInMainWorld', { windowId: running.host.windowId, key });
  },
};

const nodeRequire = createRequire(import.meta.url);
const SANDBOX_BUILTINS = new Set(['events', 'timers', 'url', 'node:events', 'node:timers', 'node:url']);

/** Runs the preload file for one document; throws what the preload throws. */
export function runPreload(path: string, host: PreloadHost): PreloadRun {
  const run = new PreloadRun(host);
  const code = readFileSync(path, 'utf8');
  const fn = compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname', 'process'], {
    filename: path,
  });
  const module = { exports: {} as unknown };
  const sandboxRequire = (id: string): unknown => {
    if (id === 'electron') return { contextBridge, ipcRenderer: run.ipcRenderer };
    if (SANDBOX_BUILTINS.has(id)) return nodeRequire(id.replace(/^node:/, ''));
    throw new Error(`module not found: ${id}`);
  };
  const sandboxProcess = {
    platform: process.platform,
    arch: process.arch,
    versions: { ...process.versions },
    env: {},
    argv: [],
    type: 'renderer',
    sandboxed: true,
    contextIsolated: true,
  };
  running = run;
  try {
    fn(module.exports, sandboxRequire, module, path, dirname(path), sandboxProcess);
  } finally {
    running = null;
  }
  record('preload:ran', { windowId: host.windowId, path, exposed: [...run.exposed.keys()] });
  return run;
}

function shapeOf(value: unknown): Shape {
  if (typeof value === 'function') return { fn: true };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return { obj: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)])) };
  }
  return { value: cloneForIpc(value) };
}
