// A real HTTP server in front of the demo server: it forwards requests while the network is fine, and can
// turn into a black hole (accepts the connection and the request, never answers) or go away entirely
// (connection refused). The cache belongs to the proxy's URL, so one cache sees all three conditions.
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The proxy and its switches. */
export interface OutboxProxy {
  /** API base URL through the proxy (same path as the target). */
  url: string;
  /** 'forward' passes requests on; 'hole' never answers them. */
  mode: 'forward' | 'hole';
  /** Requests the black hole swallowed. */
  swallowed: number;
  /** Stops listening and drops every connection: later requests are refused. */
  close(): Promise<void>;
}

/** Starts a proxy on a free port of 127.0.0.1 for the API at `targetUrl`. */
export async function startOutboxProxy(targetUrl: string): Promise<OutboxProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const proxy: OutboxProxy = { url: '', mode: 'forward', swallowed: 0, close: async () => undefined };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (proxy.mode === 'hole') {
        proxy.swallowed++;
        return; // the request is read, and then nothing: no status, no headers, no close
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string' && k !== 'host') headers[k] = v;
      fetch(new URL(req.url ?? '/', target.origin), {
        method: req.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
      })
        .then(async (answer) => {
          const body = Buffer.from(await answer.arrayBuffer());
          res.writeHead(answer.status, {
            'content-type': answer.headers.get('content-type') ?? 'application/json',
            'content-length': String(body.length),
          });
          res.end(body);
        })
        .catch(() => req.socket.destroy());
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  proxy.url = `http://127.0.0.1:${port}${target.pathname.replace(/\/+$/, '')}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  return proxy;
}
