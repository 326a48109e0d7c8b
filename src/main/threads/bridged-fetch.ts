// The API client's fetch when the door owns the network (Electron's net.request, with the system's proxy
// and certificates, exists only on the main thread): the service thread asks the door's thread to make
// the request and gets the status, the headers and the body back, the body's bytes moved, not copied.
// The door's thread only relays bytes; the service thread reads, parses and stores them.
import type { Rpc } from './rpc';
import { TransferringValue } from './rpc';

/** A request as it crosses (what the API client sends: no streams). */
interface SentRequest {
  url: string;
  method: string;
  headers: [string, string][];
  body: string | null;
}

/** An answer as it crosses. */
interface SentResponse {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

/** Larger answers are refused by the door's thread: the client's own limit is far below (api/). */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

/** The service thread's fetch, over `rpc`. */
export function fetchThroughParent(rpc: Rpc): typeof fetch {
  return async (input, init = {}) => {
    const url = input instanceof Request ? input.url : String(input);
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') {
      throw new TypeError('Only text bodies cross to the network thread');
    }
    const request: SentRequest = {
      url,
      method: init.method ?? 'GET',
      headers: headerList(new Headers(init.headers)),
      body: init.body ?? null,
    };
    const sent = await rpc.ask<SentResponse>('fetch', request, init.signal ?? undefined);
    return new Response(sent.body, { status: sent.status, headers: sent.headers });
  };
}

/** Makes the service thread's requests with the door's `fetchImpl`. */
export function serveFetch(rpc: Rpc, fetchImpl: typeof fetch): void {
  rpc.handle('fetch', async (req: SentRequest, signal) => {
    const res = await fetchImpl(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body ?? undefined,
      signal,
      redirect: 'manual',
      cache: 'no-store',
    });
    const body = res.body === null ? null : await readBounded(res);
    const headers = headerList(res.headers);
    const answer: SentResponse = { status: res.status, headers, body };
    return new TransferringValue(answer, body === null ? [] : [body]);
  });
}

async function readBounded(res: Response): Promise<ArrayBuffer> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > MAX_BODY_BYTES) {
    await res.body?.cancel();
    throw new TypeError(`The server's answer is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    const chunk = part.value;
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new TypeError(`The server's answer is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
    }
    chunks.push(chunk);
  }
  const joined = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.byteLength;
  }
  return joined.buffer;
}

function headerList(headers: Headers): [string, string][] {
  const list: [string, string][] = [];
  headers.forEach((value, name) => list.push([name, value]));
  return list;
}
