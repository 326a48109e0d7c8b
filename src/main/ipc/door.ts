// How a door (the Electron IPC binding, the browser host's WebSocket) reaches the service: one call per
// request, always answered with an IpcResult. The service runs on threads of its own behind it
// (src/main/threads/relay.ts); a test may put a DesktopService in the same thread (inProcessDoor).
import type { IpcResult, ServiceHandlers } from '../../shared/contract';
import type { DispatchOptions } from './dispatch';
import { dispatch } from './dispatch';

/** The service as a door calls it. */
export interface ServiceDoor {
  call(channel: unknown, args: unknown): Promise<IpcResult<unknown>>;
}

/** A door to a service on this same thread. */
export function inProcessDoor(service: Partial<ServiceHandlers>, opts: DispatchOptions = {}): ServiceDoor {
  return { call: (channel, args) => dispatch(service, channel, args, opts) };
}
