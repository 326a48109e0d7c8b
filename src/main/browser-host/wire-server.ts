// The IPC contract over a WebSocket: each call frame goes to the service exactly as Electron's IPC
// binding sends it, and each service event goes to every connected tab. Who may connect is decided before the
// upgrade (see host.ts); this file only speaks the wire format.
import type { WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import type { EventChannel, EventOf } from '../../shared/contract';
import { isRecord } from '../../shared/json-object';
import type { WireCall, WireToPage } from '../../shared/wire';
import type { ServiceDoor } from '../ipc';
import type { Logger } from '../log/logger';

/** Largest frame accepted: an edit's text fields are bounded at 1 MB each by the contract. */
const MAX_FRAME_BYTES = 8 * 1024 * 1024;

/** The WebSocket side of the browser host. */
export class WireServer {
  readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  #service: ServiceDoor | null = null;

  constructor(private readonly log: Logger) {
    this.wss.on('connection', (ws) => this.#serve(ws));
  }

  /** The service calls go to (set once it exists: the service needs our event sink first). */
  attach(service: ServiceDoor): void {
    this.#service = service;
  }

  /** Sends an event to every open tab. */
  readonly broadcast = <E extends EventChannel>(event: E, payload: EventOf<E>): void => {
    const text = JSON.stringify({ type: 'event', event, payload } satisfies WireToPage);
    for (const client of this.wss.clients) {
      if (client.readyState === client.OPEN) client.send(text);
    }
  };

  /** Closes every connection. */
  close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  #serve(ws: WebSocket): void {
    ws.on('error', (error) => this.log.warn('Browser host: WebSocket error', error));
    ws.on('message', (data, isBinary) => {
      const call = isBinary ? null : parseCall(data.toString());
      if (call === null) {
        // Not our protocol: a well-behaved page never sends this, so the connection is dropped.
        ws.close(1003, 'Malformed frame');
        return;
      }
      void this.#answer(ws, call);
    });
  }

  async #answer(ws: WebSocket, call: Pick<WireCall, 'id' | 'channel' | 'args'>): Promise<void> {
    const service = this.#service;
    const result = service
      ? await service.call(call.channel, call.args)
      : { ok: false as const, error: { code: 'busy' as const, message: 'The app is still starting.' } };
    if (ws.readyState === ws.OPEN) {
      ws.send(JSON.stringify({ type: 'result', id: call.id, result } satisfies WireToPage));
    }
  }
}

/** A call frame's envelope, or null. The channel and arguments are checked by dispatch. */
function parseCall(text: string): Pick<WireCall, 'id' | 'channel' | 'args'> | null {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(frame)) return null;
  const { type, id, channel, args } = frame;
  if (type !== 'call' || !Number.isSafeInteger(id) || typeof channel !== 'string') return null;
  return { id: id as number, channel: channel as WireCall['channel'], args };
}
