// The browser host (development and tests only, never in the app): the same service on the same threads
// as in the app (src/main/threads/: this thread only relays), the built renderer served on 127.0.0.1, and
// the IPC contract over a WebSocket. The WebSocket is the
// door to the user's data and token-bearing requests, so it is guarded before the upgrade: the right
// per-run key, our own Origin, our own Host (no DNS rebinding). Static files are public code.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { WIRE_KEY_PARAM, WIRE_PATH } from '../../shared/wire';
import { MemorySecretStore } from '../secrets';
import type { SecretStore } from '../secrets';
import type { UpdatesDoor } from '../service/update-channels';
import { ServiceThreads, SOURCE_ENTRIES } from '../threads';
import type { ServiceTuning, ThreadEntries } from '../threads';
import type { Logger } from '../log/logger';
import { createConsoleLogger } from '../log/logger';
import { contentTypeFor, resolveStaticFile } from '../static-files';
import { CLIENT_SCRIPT_PATH, clientScript, withClientScript } from './client-script';
import { WireServer } from './wire-server';

/** Options of startBrowserHost. */
export interface BrowserHostOptions {
  /** The data folder (a temporary one in tests; the app's own with `npm run web`). */
  dataDir: string;
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** The built renderer (default out/renderer). */
  rendererDir?: string;
  /** Token storage (default: memory, this run only). */
  secrets?: SecretStore;
  keychainWarning?: string | null;
  fetch?: typeof fetch;
  log?: Logger;
  /** The service's tuning for tests (client retries, probe interval, demo size). */
  tuning?: ServiceTuning;
  /** App updates (tests drive a feed). */
  updates?: UpdatesDoor;
  /** Where the service's threads are (default: the sources, through tsx; a benchmark bundles them). */
  entries?: ThreadEntries;
}

/** A running browser host. */
export interface BrowserHost {
  /** The page to open, key included: http://127.0.0.1:PORT/?key=… */
  readonly url: string;
  readonly origin: string;
  readonly key: string;
  /** The service's threads: calls (as the page makes them), the demo server, whenIdle. */
  readonly service: ServiceThreads;
  /** Links the renderer asked to open (the host opens nothing itself). */
  readonly opened: readonly string[];
  close(): Promise<void>;
}

/** Headers on every HTTP answer: the app's CSP, no sniffing, no framing, no referrer, no caching. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** Starts the host; resolves once it listens and the service has restored its last account. */
export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const log = opts.log ?? createConsoleLogger();
  const rendererDir = resolve(opts.rendererDir ?? 'out/renderer');
  const key = randomBytes(32).toString('base64url');
  const wire = new WireServer(log);
  const opened: string[] = [];
  let origin = '';

  const http = createServer((req, res) => serveStatic(req, res, rendererDir, origin));
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refuseUpgrade(req, origin, key);
    if (refusal !== null) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wire.wss.handleUpgrade(req, socket, head, (ws) => wire.wss.emit('connection', ws, req));
  });

  await new Promise<void>((done, fail) => {
    http.once('error', fail);
    http.listen({ port: opts.port ?? 0, host: '127.0.0.1' }, () => {
      http.off('error', fail);
      done();
    });
  });
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('The browser host has no TCP address');
  origin = `http://127.0.0.1:${address.port}`;

  const service = await ServiceThreads.start({
    entries: opts.entries ?? SOURCE_ENTRIES,
    dataDir: opts.dataDir,
    secrets: opts.secrets ?? new MemorySecretStore(),
    keychainWarning: opts.keychainWarning ?? null,
    events: wire.broadcast,
    host: 'browser',
    version: process.env['npm_package_version'] ?? '0.0.0-dev',
    // Nothing is opened from a development host: the link is recorded (and logged) instead.
    openExternal: (url) => {
      opened.push(url);
      log.info(`Browser host: the page asked to open ${url}`);
    },
    fetch: opts.fetch,
    log,
    updates: opts.updates,
    // Tests change the demo's data and inject its faults: it runs here, where they reach it.
    demoOnDoorThread: true,
    tuning: opts.tuning,
    validateResults: true,
  });
  wire.attach(service);
  // Built now, while the page is still on its way: the app's preload is built ahead too.
  void clientScript().catch((error: unknown) =>
    log.warn('Browser host: the page script did not build', error),
  );

  return {
    url: `${origin}/?${WIRE_KEY_PARAM}=${key}`,
    origin,
    key,
    service,
    opened,
    async close() {
      await wire.close();
      await service.close();
      http.closeAllConnections();
      await new Promise<void>((done) => http.close(() => done()));
    },
  };
}

/** Why an upgrade is refused (an HTTP status line), or null to accept it. */
function refuseUpgrade(req: IncomingMessage, origin: string, key: string): string | null {
  const url = requestUrl(req, origin);
  if (url === null || url.pathname !== WIRE_PATH) return '404 Not Found';
  if (req.headers.host !== new URL(origin).host) return '403 Forbidden';
  // Browsers always send Origin on a WebSocket: a missing or foreign one is another site (or no browser).
  if (req.headers.origin !== origin) return '403 Forbidden';
  if (!sameSecret(url.searchParams.get(WIRE_KEY_PARAM) ?? '', key)) return '401 Unauthorized';
  return null;
}

/** The request's URL; only origin-form targets ("/path?query") are accepted. */
function requestUrl(req: IncomingMessage, origin: string): URL | null {
  const raw = req.url ?? '/';
  if (!raw.startsWith('/')) return null;
  try {
    // Concatenated, not resolved: a target like "//host/x" must stay a path on our origin.
    return new URL(`${origin}${raw}`);
  } catch {
    return null;
  }
}

function sameSecret(given: string, key: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, origin: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  const send = (status: number, text: string): void => {
    res
      .writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end(req.method === 'HEAD' ? '' : text);
  };
  if (req.headers.host !== new URL(origin).host) return send(403, 'Forbidden');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(405, 'Method not allowed');
  }
  const url = requestUrl(req, origin);
  if (url?.pathname === CLIENT_SCRIPT_PATH) {
    void clientScript().then(
      (code) =>
        res
          .writeHead(200, { 'Content-Type': contentTypeFor(CLIENT_SCRIPT_PATH) })
          .end(req.method === 'HEAD' ? '' : code),
      () => send(500, 'The browser host could not build its page script'),
    );
    return;
  }
  const file = url === null ? null : resolveStaticFile(root, url.pathname);
  if (file === null) return send(404, 'Not found');
  if (contentTypeFor(file).startsWith('text/html')) {
    // The page gets its window.api from the host's script (client-script.ts).
    res.writeHead(200, { 'Content-Type': contentTypeFor(file) });
    res.end(req.method === 'HEAD' ? '' : withClientScript(readFileSync(file, 'utf8')));
    return;
  }
  res.writeHead(200, { 'Content-Type': contentTypeFor(file) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
