// The stand-in `net`, over Node's HTTP, with the Electron behaviours that matter to the app:
//  - net.fetch with redirect: 'manual' rejects ("Redirect was cancelled") instead of returning the 3xx;
//  - net.request with redirect: 'manual' emits 'redirect' and, unless followRedirect() is called during
//    it, fails with the same error;
//  - both share the session's cookie jar (sent unless credentials: 'omit'; net.request only with
//    useSessionCookies or credentials: 'include') and its HTTP cache (fresh responses to GET are served
//    from it unless cache: 'no-store' / 'reload' / 'no-cache').
import { EventEmitter } from 'node:events';
import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import type * as Electron from 'electron';
import { record } from './link';
import { defaultSession } from './session';

let online = true;

/** What the harness says net.isOnline() answers. */
export function setOnline(value: boolean): void {
  online = value;
}

function cookieHeader(url: URL): string | null {
  const jar = defaultSession.cookieJar.get(url.host);
  if (!jar || jar.size === 0) return null;
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

function keepCookies(url: URL, setCookie: string | string[] | undefined): void {
  for (const line of [setCookie ?? []].flat()) {
    const [pair] = line.split(';');
    const eq = pair?.indexOf('=') ?? -1;
    if (!pair || eq <= 0) continue;
    const jar = defaultSession.cookieJar.get(url.host) ?? new Map<string, string>();
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    defaultSession.cookieJar.set(url.host, jar);
  }
}

function freshFor(headers: Record<string, string | string[] | undefined>): number {
  const cc = String(headers['cache-control'] ?? '');
  if (/no-store|no-cache|private/i.test(cc)) return 0;
  const maxAge = /max-age=(\d+)/i.exec(cc);
  return maxAge ? Number(maxAge[1]) * 1000 : 0;
}

type Mode = 'follow' | 'error' | 'manual';

/** Electron's ClientRequest, as much as the app uses. */
class StandInClientRequest extends EventEmitter {
  readonly #url: URL;
  readonly #method: string;
  readonly #headers = new Map<string, string>();
  readonly #chunks: Buffer[] = [];
  readonly #redirect: Mode;
  readonly #sendCookies: boolean;
  readonly #useCache: boolean;
  #aborted = false;
  #node: ReturnType<typeof httpRequest> | null = null;
  #followRedirect: (() => void) | null = null;

  constructor(options: Electron.ClientRequestConstructorOptions) {
    super();
    this.#url = new URL(options.url ?? '');
    this.#method = (options.method ?? 'GET').toUpperCase();
    this.#redirect = options.redirect ?? 'follow';
    const credentials = options.credentials;
    this.#sendCookies =
      credentials === undefined ? options.useSessionCookies === true : credentials !== 'omit';
    this.#useCache =
      options.cache === undefined || options.cache === 'default' || options.cache === 'force-cache';
    for (const [name, value] of Object.entries(options.headers ?? {})) this.setHeader(name, String(value));
    record('net:request', {
      url: this.#url.href,
      method: this.#method,
      redirect: this.#redirect,
      credentials: credentials ?? null,
      useSessionCookies: options.useSessionCookies ?? null,
      cache: options.cache ?? null,
    });
  }

  setHeader(name: string, value: string): void {
    this.#headers.set(name.toLowerCase(), value);
  }

  write(chunk: string | Buffer): boolean {
    this.#chunks.push(Buffer.from(chunk));
    return true;
  }

  followRedirect(): void {
    if (!this.#followRedirect) throw new Error('followRedirect() called outside a redirect event');
    this.#followRedirect();
  }

  abort(): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#node?.destroy();
    this.emit('abort');
    this.emit('close');
  }

  end(chunk?: string | Buffer): this {
    if (chunk !== undefined) this.write(chunk);
    this.#send(this.#url);
    return this;
  }

  #send(url: URL): void {
    const cached =
      this.#method === 'GET' && this.#useCache ? defaultSession.httpCache.get(url.href) : undefined;
    if (cached && cached.expires > Date.now()) {
      record('net:cache-hit', { url: url.href });
      const body = Readable.from([Buffer.from(cached.body)]) as Readable & Record<string, unknown>;
      Object.assign(body, {
        statusCode: cached.status,
        statusMessage: 'OK',
        headers: Object.fromEntries(cached.headers),
      });
      this.emit('response', body);
      return;
    }
    const headers: Record<string, string> = Object.fromEntries(this.#headers);
    const cookie = this.#sendCookies ? cookieHeader(url) : null;
    if (cookie !== null) headers['cookie'] = cookie;
    const body = Buffer.concat(this.#chunks);
    if (body.length > 0) headers['content-length'] = String(body.length);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const node = send(url, { method: this.#method, headers }, (res) => this.#answer(url, res));
    this.#node = node;
    node.on('error', (error) => {
      if (!this.#aborted) this.emit('error', new Error(`net::ERR_CONNECTION_REFUSED (${error.message})`));
    });
    node.end(body);
  }

  #answer(url: URL, res: IncomingMessage): void {
    keepCookies(url, res.headers['set-cookie']);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && location) {
      res.resume();
      const next = new URL(location, url);
      if (this.#redirect === 'error') {
        this.emit('error', new Error("Attempted to redirect, but redirect policy was 'error'"));
        return;
      }
      let follow = this.#redirect === 'follow';
      if (this.#redirect === 'manual') {
        this.#followRedirect = () => (follow = true);
        try {
          this.emit('redirect', status, this.#method, next.href, res.headers);
        } finally {
          this.#followRedirect = null;
        }
      }
      if (follow) return this.#send(next);
      if (!this.#aborted) this.emit('error', new Error('Redirect was cancelled'));
      return;
    }
    const fresh = this.#method === 'GET' ? freshFor(res.headers) : 0;
    if (fresh > 0) {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        defaultSession.httpCache.set(url.href, {
          status,
          headers: Object.entries(res.headers).map(([k, v]) => [k, String(v)]),
          body: Buffer.concat(parts),
          expires: Date.now() + fresh,
        });
      });
    }
    this.emit('response', res);
  }
}

/** net.fetch: a WHATWG fetch on the request above, with Electron's rejection of manual redirects. */
async function standInFetch(input: string | Request, init: RequestInit = {}): Promise<Response> {
  const url = typeof input === 'string' ? input : input.url;
  const req = new StandInClientRequest({
    url,
    method: init.method ?? 'GET',
    redirect: init.redirect ?? 'follow',
    // net.fetch sends the session's cookies unless told not to (credentials defaults to 'include').
    credentials: (init.credentials as 'include' | 'omit' | undefined) ?? 'include',
    cache: (init.cache as Electron.ClientRequestConstructorOptions['cache']) ?? 'default',
  });
  record('net:fetch', {
    url,
    credentials: init.credentials ?? null,
    cache: init.cache ?? null,
    redirect: init.redirect ?? null,
  });
  new Headers(init.headers).forEach((value, name) => req.setHeader(name, value));
  const signal = init.signal;
  return new Promise<Response>((resolve, reject) => {
    const onAbort = (): void => {
      req.abort();
      reject(signal?.reason ?? new DOMException('The operation was aborted', 'AbortError'));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error: Error) => reject(new TypeError(error.message)));
    req.on('response', (res: IncomingMessage) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, String(v));
      const status = res.statusCode ?? 0;
      const nullBody = status === 204 || status === 304 || (init.method ?? 'GET').toUpperCase() === 'HEAD';
      resolve(new Response(nullBody ? null : (Readable.toWeb(res) as ReadableStream), { status, headers }));
    });
    if (typeof init.body === 'string') req.write(init.body);
    req.end();
  });
}

/** The stand-in `net` module. */
export const net = {
  fetch: standInFetch,
  request: (options: Electron.ClientRequestConstructorOptions | string) =>
    new StandInClientRequest(typeof options === 'string' ? { url: options } : options),
  isOnline: () => online,
  get online() {
    return online;
  },
};
