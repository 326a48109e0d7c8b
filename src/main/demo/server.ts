// The demo Screendesk server: plain node:http on 127.0.0.1, answering the spec's operations from the
// demo data set, with settable latency, scripted faults, a request log and a hook run before each
// answer. Per request: onRequest hook → read body → faults → latency → answer (or drop).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { handleApiRequest } from './api-handler';
import { DEMO_MEMBER_EMAIL } from './agents';
import {
  DEMO_ADMIN_TOKEN,
  DEMO_DEFAULT_BASE_PATH,
  DEMO_DEFAULT_PAGE_SIZE,
  DEMO_MEMBER_TOKEN,
} from './constants';
import { DemoDataStore } from './data-store';
import { FaultQueue, type TerminalFault } from './faults';
import { parsePageParam } from './pagination';
import { errorReply, JSON_CONTENT_TYPE, reasonPhrase, type Reply } from './reply';
import { matchRoute, normaliseBasePath } from './routes';
import type { DemoRequestInfo, DemoRequestLog, DemoServer, DemoServerOptions } from './types';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new BodyTooLarge());
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Waits `ms`, or less if the server closes meanwhile. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function faultReply(fault: Exclude<TerminalFault, { kind: 'drop' }>): Reply {
  if (fault.kind === 'rate-limit') {
    return errorReply(429, 'Rate limit exceeded. Try again later.', {
      'Retry-After': fault.retryAfter ?? '1',
    });
  }
  if (fault.body === undefined) return errorReply(fault.status, reasonPhrase(fault.status));
  return {
    status: fault.status,
    headers: { 'Content-Type': fault.contentType ?? JSON_CONTENT_TYPE },
    body: fault.body,
  };
}

function requestUrl(req: IncomingMessage): URL {
  const raw = req.url ?? '/';
  // Origin-form targets ("/api/v2/…") are the norm; a "//x" path must not be read as a host name.
  return raw.startsWith('/') ? new URL(`http://127.0.0.1${raw}`) : new URL(raw, 'http://127.0.0.1');
}

/** Most request-log entries kept (tests read a few hundred; a long-running demo needs a bound). */
const DEMO_REQUEST_LOG_LIMIT = 20_000;

class DemoHttpServer implements DemoServer {
  url = '';
  readonly adminToken = DEMO_ADMIN_TOKEN;
  readonly memberToken = DEMO_MEMBER_TOKEN;
  readonly memberEmail = DEMO_MEMBER_EMAIL;
  readonly data: DemoDataStore;
  readonly faults = new FaultQueue();
  latencyMs: number;
  pageSize: number;
  readonly requests: DemoRequestLog[] = [];
  onRequest?: (req: DemoRequestInfo) => void | Promise<void>;

  private readonly basePath: string;
  private readonly http: Server;
  private readonly sockets = new Set<Socket>();
  private readonly closing = new AbortController();
  private closed: Promise<void> | undefined;
  private readonly logged = new WeakSet<DemoRequestLog>();

  constructor(opts: DemoServerOptions) {
    this.data = new DemoDataStore({ recordings: opts.recordings, seed: opts.seed, now: opts.now });
    this.latencyMs = opts.latencyMs ?? 0;
    this.pageSize = opts.pageSize ?? DEMO_DEFAULT_PAGE_SIZE;
    this.basePath = normaliseBasePath(opts.basePath ?? DEMO_DEFAULT_BASE_PATH);
    this.http = createServer((req, res) => {
      // Last line of defence: if even the error answer cannot be written, cut the connection.
      this.serve(req, res).catch(() => res.destroy());
    });
    this.http.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen({ port, host: '127.0.0.1' }, () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    const address = this.http.address();
    if (address === null || typeof address === 'string') throw new Error('demo server has no TCP address');
    this.url = `http://127.0.0.1:${address.port}${this.basePath}`;
  }

  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      this.closing.abort();
      this.http.close(() => resolve());
      this.http.closeAllConnections();
      for (const socket of this.sockets) socket.destroy();
    });
    return this.closed;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    let log: DemoRequestLog = { method, path: req.url ?? '/', query: '', status: 0, at };
    try {
      const url = requestUrl(req);
      log = { method, path: url.pathname, query: url.searchParams.toString(), status: 0, at };
      const route = matchRoute(url.pathname, this.basePath);
      const isList = route.kind === 'list' && (method === 'GET' || method === 'HEAD');
      const page = parsePageParam(url.searchParams.getAll('page').at(-1));
      const info: DemoRequestInfo = isList
        ? { method, path: url.pathname, page }
        : { method, path: url.pathname };
      await this.onRequest?.(info);
      const body = method === 'PATCH' ? await readBody(req) : '';
      const plan = this.faults.plan(method, url.pathname, isList ? page : undefined);
      await sleep(this.latencyMs + plan.delayMs, this.closing.signal);
      if (this.closing.signal.aborted) return;
      if (plan.terminal?.kind === 'drop') {
        this.record(log);
        req.socket.destroy();
        return;
      }
      const reply = plan.terminal
        ? faultReply(plan.terminal)
        : handleApiRequest(
            { method, path: url.pathname, route, page, authorization: req.headers.authorization, body },
            this.apiContext(),
          );
      this.send(res, reply, log);
    } catch (err) {
      // Nothing a client or a test hook does may take the server down; answer 500 instead.
      const reply =
        err instanceof BodyTooLarge
          ? errorReply(413, 'Request body too large')
          : errorReply(500, `Demo server error: ${err instanceof Error ? err.message : String(err)}`);
      this.send(res, reply, log);
    }
  }

  // A demo server left running for days (sdesk demo, the app's demo mode) must not grow without
  // bound: the log keeps the most recent entries only, dropping the oldest half at a time.
  private record(log: DemoRequestLog): void {
    if (this.requests.length >= DEMO_REQUEST_LOG_LIMIT) this.requests.splice(0, DEMO_REQUEST_LOG_LIMIT / 2);
    this.requests.push(log);
  }

  private apiContext(): Parameters<typeof handleApiRequest>[1] {
    const { data, faults, adminToken, memberToken, memberEmail, pageSize } = this;
    return { data, faults, adminToken, memberToken, memberEmail, pageSize };
  }

  private send(res: ServerResponse, reply: Reply, log: DemoRequestLog): void {
    log.status = reply.status;
    // Logged before the answer leaves, so a caller that has the response also finds it in the log;
    // once only, even when a failed write is followed by a 500.
    if (!this.logged.has(log)) this.record(log);
    this.logged.add(log);
    if (res.headersSent || res.destroyed) return;
    const noBody = reply.status < 200 || reply.status === 204 || reply.status === 304;
    const headers = noBody
      ? reply.headers
      : { ...reply.headers, 'Content-Length': String(Buffer.byteLength(reply.body)) };
    res.writeHead(reply.status, headers);
    res.end(noBody ? undefined : reply.body);
  }
}

/** Starts a demo Screendesk API server on 127.0.0.1 and resolves once it is listening. */
export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const server = new DemoHttpServer(opts);
  await server.listen(opts.port ?? 0);
  return server;
}
