// How a door (the Electron IPC binding, the browser host's WebSocket) reaches the service: one call per
// request, always answered with an IpcResult. The service runs on threads of its own behind it
// (src/main/threads/relay.ts).
import type { IpcResult } from '../../shared/contract';

/** The service as a door calls it. */
export interface ServiceDoor {
  call(channel: unknown, args: unknown): Promise<IpcResult<unknown>>;
}
