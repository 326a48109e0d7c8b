// The browser host's wire format: the IPC contract (contract.ts) carried over one WebSocket.
// ws://127.0.0.1:PORT/ipc?key=KEY — the key is random per run and the page learns it from its own
// URL (http://127.0.0.1:PORT/?key=KEY); a client without it is refused before any message.
import type { EventChannel, IpcResult, RequestChannel } from './contract';

/** Path of the WebSocket endpoint. */
export const WIRE_PATH = '/ipc';
/** Query parameter carrying the per-run key (page URL and WebSocket URL alike). */
export const WIRE_KEY_PARAM = 'key';

/** Renderer → host: call a request channel. `id` pairs the answer with the call. */
export interface WireCall {
  type: 'call';
  id: number;
  channel: RequestChannel;
  args: unknown;
}

/** Host → renderer: the answer to a call, exactly what IPC would have returned. */
export interface WireResult {
  type: 'result';
  id: number;
  result: IpcResult<unknown>;
}

/** Host → renderer: an event. */
export interface WireEvent {
  type: 'event';
  event: EventChannel;
  payload: unknown;
}

export type WireToPage = WireResult | WireEvent;
