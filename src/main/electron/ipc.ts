// The IPC binding: one ipcMain.handle per request channel of the contract, each refusing any sender
// but our window's main frame showing our page, then handing the call to the service's door (its
// threads, src/main/threads/) as the browser host does. Handlers exist before the window does, and answer once the service has started (it waits for
// the keychain, which must not delay the window). Events go to the window on their own prefixed
// channels.
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { ipcMain } from 'electron';
import type { EventChannel, EventOf, IpcResult } from '../../shared/contract';
import { ipcEventChannel, REQUEST_CHANNELS } from '../../shared/channels';
import type { ServiceDoor } from '../ipc';
import type { Logger } from '../log/logger';
import { isTrustedSender } from './security';

/** Registers every request channel; returns a function that removes them. */
export function bindIpc(opts: {
  /** The service's door, once it exists. */
  service: Promise<ServiceDoor>;
  window: () => BrowserWindow | null;
  rendererUrl: string;
  log: Logger;
}): () => void {
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, args: unknown): Promise<IpcResult<unknown>> => {
      if (!trusted(event, opts.window(), opts.rendererUrl)) {
        opts.log.warn(
          `IPC ${channel} refused: not sent by the app's own page (${event.senderFrame?.url ?? 'gone'})`,
        );
        return { ok: false, error: { code: 'forbidden', message: 'This page may not use the app.' } };
      }
      let service: ServiceDoor;
      try {
        service = await opts.service;
      } catch {
        return { ok: false, error: { code: 'internal', message: 'The app could not start.' } };
      }
      return service.call(channel, args);
    });
  }
  return () => {
    for (const channel of REQUEST_CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** An EventSink sending to the window (dropped while there is none). */
export function windowEventSink(window: () => BrowserWindow | null) {
  return <E extends EventChannel>(event: E, payload: EventOf<E>): void => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(ipcEventChannel(event), payload);
  };
}

function trusted(event: IpcMainInvokeEvent, win: BrowserWindow | null, rendererUrl: string): boolean {
  const frame = event.senderFrame;
  return isTrustedSender(
    {
      fromOurWindow: win !== null && !win.isDestroyed() && event.sender === win.webContents,
      isMainFrame: frame !== null && frame.parent === null,
      url: frame?.url ?? null,
    },
    rendererUrl,
  );
}
