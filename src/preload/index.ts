// The sandboxed preload: exposes the IPC contract to the page as `window.api`, one function per
// request channel and `on` for the event channels, and nothing else (never ipcRenderer itself, never
// the IPC event object, which carries the sender). Bundled into one CommonJS file that requires only
// 'electron': it imports the zod-free channel list, never the zod contract.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { ipcEventChannel, isEventChannel, REQUEST_CHANNELS } from '../shared/channels';
import type { EventChannel } from '../shared/channels';

type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

async function invoke(channel: string, args: unknown): Promise<Result> {
  try {
    return (await ipcRenderer.invoke(channel, args ?? {})) as Result;
  } catch (error) {
    // Only reached when main has no handler (it never throws: errors come back as values).
    return {
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    };
  }
}

const api: Record<string, unknown> = {};
for (const channel of REQUEST_CHANNELS) {
  api[channel] = (args?: unknown) => invoke(channel, args);
}
api['on'] = (event: EventChannel, listener: (payload: unknown) => void): (() => void) => {
  if (!isEventChannel(event)) throw new Error(`Unknown event: ${String(event)}`);
  if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
  const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
  const channel = ipcEventChannel(event);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
};

contextBridge.exposeInMainWorld('api', api);
