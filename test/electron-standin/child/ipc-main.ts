// The stand-in ipcMain: one handler per channel (a second registration throws, as in Electron), and
// invoke's event as Electron builds it: the sender's webContents and its frame (URL, origin, parent).
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { cloneForIpc } from './clone';
import { record } from './link';
import { originOf } from './protocol';

/** What Electron tells a handler about the frame that sent a message. */
export interface FrameInfo {
  url: string;
  origin: string;
  parent: FrameInfo | null;
  top: FrameInfo | null;
  name: string;
  routingId: number;
  processId: number;
  frameTreeNodeId: number;
  detached: boolean;
  isDestroyed(): boolean;
}

type Handler = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown;

class StandInIpcMain extends EventEmitter {
  readonly #handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.#handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.#handlers.set(channel, handler);
    record('ipcMain:handle', { channel });
  }

  handleOnce(channel: string, handler: Handler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.#handlers.delete(channel);
    record('ipcMain:removeHandler', { channel });
  }

  /** The channels with a handler now. */
  channels(): string[] {
    return [...this.#handlers.keys()];
  }

  /** ipcRenderer.invoke arriving from `sender`'s `frame`: Electron's errors when nothing answers. */
  async invoke(sender: unknown, frame: FrameInfo | null, channel: string, args: unknown[]): Promise<unknown> {
    const handler = this.#handlers.get(channel);
    if (!handler) {
      throw new Error(
        `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
      );
    }
    const event = {
      type: 'frame',
      sender,
      senderFrame: frame,
      frameId: frame?.routingId ?? 0,
      processId: frame?.processId ?? 0,
      preventDefault() {},
      defaultPrevented: false,
    } as unknown as Electron.IpcMainInvokeEvent;
    try {
      return cloneForIpc(await handler(event, ...args));
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error });
    }
  }
}

/** A frame description for a URL (the top frame unless a parent is given). */
export function frameFor(url: string, parent: FrameInfo | null = null): FrameInfo {
  const origin = originOf(url);
  const frame: FrameInfo = {
    url,
    origin,
    parent,
    top: null,
    name: '',
    routingId: parent === null ? 1 : 2,
    processId: 1,
    frameTreeNodeId: parent === null ? 1 : 2,
    detached: false,
    isDestroyed: () => false,
  };
  frame.top = parent?.top ?? parent ?? frame;
  return frame;
}

/** The stand-in ipcMain. */
export const ipcMain = new StandInIpcMain();
