// The RendererApi over the browser host's WebSocket (development and tests only): the host builds this
// file into a script of its own and puts it on the page before the app's bundle, so the app's bundle
// never contains it. `window.api` then reaches the host, which runs the same service in Node.
import type { EventChannel, EventOf, IpcResult, RendererApi, RequestChannel } from '@shared/contract';
import { isEventChannel, REQUEST_CHANNELS } from '@shared/channels';
import type { WireCall, WireToPage } from '@shared/wire';
import { WIRE_KEY_PARAM, WIRE_PATH } from '@shared/wire';

type Listener = (payload: unknown) => void;

/** The RendererApi over the browser host's WebSocket; `key` is the per-run key from the page URL. */
export function createWireApi(loc: Pick<Location, 'protocol' | 'host' | 'search'> = location): RendererApi {
  const key = new URLSearchParams(loc.search).get(WIRE_KEY_PARAM) ?? '';
  const url = `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${WIRE_PATH}?${WIRE_KEY_PARAM}=${encodeURIComponent(key)}`;
  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  const listeners = new Map<EventChannel, Set<Listener>>();
  const outbox: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let retryMs = 250;

  const connect = (): void => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      for (const frame of outbox.splice(0)) ws.send(frame);
    };
    ws.onmessage = (message) => {
      let frame: WireToPage;
      try {
        frame = JSON.parse(String(message.data)) as WireToPage;
      } catch {
        return;
      }
      if (frame.type === 'result') {
        pending.get(frame.id)?.(frame.result);
        pending.delete(frame.id);
      } else if (frame.type === 'event' && isEventChannel(frame.event)) {
        for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
      }
    };
    ws.onclose = () => {
      socket = null;
      // Calls in flight are lost with the connection: answer them now rather than never.
      for (const resolve of pending.values()) {
        resolve({
          ok: false,
          error: { code: 'network', message: 'Lost the connection to the browser host.' },
        });
      }
      pending.clear();
      // The host may be restarting (or refused the key: then every retry fails the same way, slowly).
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    };
  };
  connect();

  const call = (channel: RequestChannel, args: unknown): Promise<IpcResult<unknown>> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      const frame: WireCall = { type: 'call', id, channel, args: args ?? {} };
      const text = JSON.stringify(frame);
      if (socket?.readyState === WebSocket.OPEN) socket.send(text);
      else outbox.push(text);
    });

  const api = Object.fromEntries(
    REQUEST_CHANNELS.map((channel) => [channel, (args?: unknown) => call(channel, args)]),
  ) as Record<RequestChannel, (args?: unknown) => Promise<IpcResult<unknown>>>;

  return Object.assign(api, {
    on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
      if (!isEventChannel(event)) throw new Error(`Unknown event: ${String(event)}`);
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      const wrapped: Listener = (payload) => listener(payload as EventOf<E>);
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  }) as RendererApi;
}
