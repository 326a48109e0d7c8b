// A tiny real HTTP server on 127.0.0.1 whose every answer a test scripts: status, headers, body,
// delay, or a dropped connection. Tests talk to it with the real fetch, so what they check is what the
// client does over a real socket.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the server saw it. */
export interface RawRequest {
  method: string;
  /** Path and query exactly as sent. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How to answer one request. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON (with a JSON content type unless one is given). */
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
  /**
   * 'before': close the socket without answering; 'mid-body': send headers and half the body, then
   * close; 'stall': send headers and half the body, then say nothing more.
   */
  drop?: 'before' | 'mid-body' | 'stall';
}

/** Scripts the answer to the n-th (0-based) request. */
export type Handler = (req: RawRequest, n: number) => Reply | Promise<Reply>;

/** A running scripted server. */
export interface RawServer {
  /** http://127.0.0.1:<port> (no trailing slash). */
  url: string;
  requests: RawRequest[];
  /** Replaces the handler. */
  handle(handler: Handler): void;
  /** Answers requests with these replies in order; the last one repeats. */
  replies(...replies: Reply[]): void;
  close(): Promise<void>;
}

/** Starts a scripted server on a free port of 127.0.0.1. */
export async function startRawServer(handler: Handler = () => ({ status: 404 })): Promise<RawServer> {
  let current = handler;
  const requests: RawRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      const parsed = new URL(url, 'http://127.0.0.1');
      const raw: RawRequest = {
        method: req.method ?? 'GET',
        url,
        path: parsed.pathname,
        query: parsed.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const n = requests.push(raw) - 1;
      void Promise.resolve(current(raw, n)).then((reply) => {
        if (reply.delayMs === undefined || reply.delayMs <= 0) return send(res, reply);
        const t = setTimeout(() => {
          timers.delete(t);
          send(res, reply);
        }, reply.delayMs);
        timers.add(t);
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(h) {
      current = h;
    },
    replies(...list) {
      current = (_req, n) => list[Math.min(n, list.length - 1)] ?? { status: 500 };
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.socket === null) return;
  if (reply.drop === 'before') {
    res.socket.destroy();
    return;
  }
  const isText = typeof reply.body === 'string';
  const body = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
  const headers: Record<string, string> = { ...reply.headers };
  const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
  if (!hasType && reply.body !== undefined && !isText) headers['Content-Type'] = 'application/json';
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(reply.status ?? 200, { ...headers, 'Content-Length': String(bytes.length) });
  if (reply.drop === 'stall') {
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    return;
  }
  if (reply.drop === 'mid-body') {
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    // Let the half body reach the client before the socket goes.
    setTimeout(() => res.socket?.destroy(), 20);
    return;
  }
  res.end(bytes);
}
