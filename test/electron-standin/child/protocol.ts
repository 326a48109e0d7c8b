// The stand-in `protocol`: privileged schemes (registered before ready only), protocol.handle (after
// ready only), and the way a page of a custom scheme reaches real Chromium: each origin of a handled
// scheme (app://screendesk) is an HTTP server on 127.0.0.1 whose every request is answered by the
// app's own handler, called with the request's app:// URL. URLs are translated both ways, so the app
// only ever sees app:// URLs, and the page's paths are the same on both.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { Readable } from 'node:stream';
import type * as Electron from 'electron';
import { record } from './link';

type Handler = (request: Request) => Response | Promise<Response>;

const privileged = new Map<string, Electron.Privileges>();
const handlers = new Map<string, Handler>();
// app origin ("app://screendesk") ⇄ page origin ("http://127.0.0.1:PORT")
const servers = new Map<string, { server: Server; pageOrigin: string }>();
let isReady = (): boolean => false;

/** Tells the module how to know whether the app is ready (set by app.ts's owner). */
export function setReadyCheck(check: () => boolean): void {
  isReady = check;
}

/** The origin of a URL as Chromium computes it: standard custom schemes have a real one. */
export function originOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'null';
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (privileged.get(scheme)?.standard) return `${parsed.protocol}//${parsed.host}`;
  return parsed.origin;
}

class StandInProtocol {
  registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]): void {
    if (isReady())
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    for (const { scheme, privileges } of schemes) privileged.set(scheme, privileges ?? {});
    record('protocol:registerSchemesAsPrivileged', {
      schemes: schemes.map((s) => ({ scheme: s.scheme, privileges: { ...s.privileges } })),
    });
  }

  handle(scheme: string, handler: Handler): void {
    if (!isReady()) throw new Error('The protocol module can only be used after the app is ready');
    if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    handlers.set(scheme, handler);
    record('protocol:handle', { scheme });
  }

  unhandle(scheme: string): void {
    handlers.delete(scheme);
  }

  isProtocolHandled(scheme: string): boolean {
    return handlers.has(scheme);
  }
}

/** The stand-in protocol module (also session.defaultSession.protocol). */
export const protocol = new StandInProtocol();

/** The URL Chromium is given for an app URL (custom schemes go through their server). */
export async function toPageUrl(url: string): Promise<string> {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1);
  if (
    scheme === 'http' ||
    scheme === 'https' ||
    scheme === 'file' ||
    scheme === 'data' ||
    scheme === 'about'
  ) {
    return url;
  }
  if (!handlers.has(scheme)) throw new Error(`ERR_UNKNOWN_URL_SCHEME: no handler for ${scheme}:`);
  // A scheme that is not standard has no host or origin: relative module scripts cannot load from it.
  if (!privileged.get(scheme)?.standard)
    throw new Error(`ERR_UNKNOWN_URL_SCHEME: ${scheme}: is not standard`);
  const appOrigin = originOf(url);
  const served = servers.get(appOrigin) ?? (await serve(appOrigin, scheme));
  return `${served.pageOrigin}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The app URL of a page URL (the inverse of toPageUrl); other URLs are unchanged. */
export function toAppUrl(pageUrl: string): string {
  for (const [appOrigin, { pageOrigin }] of servers) {
    if (pageUrl === pageOrigin || pageUrl.startsWith(`${pageOrigin}/`))
      return appOrigin + pageUrl.slice(pageOrigin.length);
  }
  return pageUrl;
}

async function serve(appOrigin: string, scheme: string): Promise<{ server: Server; pageOrigin: string }> {
  const server = createServer((req, res) => {
    const handler = handlers.get(scheme);
    const url = `${appOrigin}${req.url ?? '/'}`;
    void (async () => {
      try {
        if (!handler) throw new Error(`no handler for ${scheme}:`);
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === 'string') headers.set(name, value);
        }
        const response = await handler(new Request(url, { method: req.method ?? 'GET', headers }));
        record('protocol:request', { url, status: response.status });
        const out: Record<string, string> = {};
        response.headers.forEach((value, name) => (out[name] = value));
        res.writeHead(response.status, out);
        if (response.body) Readable.fromWeb(response.body as never).pipe(res);
        else res.end();
      } catch (error) {
        // Chromium shows a failed load (net::ERR_FAILED) when a handler throws.
        record('protocol:error', { url, message: String(error) });
        res.destroy();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  const entry = { server, pageOrigin: `http://127.0.0.1:${address.port}` };
  servers.set(appOrigin, entry);
  return entry;
}
