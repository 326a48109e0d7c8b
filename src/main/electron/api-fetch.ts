// The API client's fetch in the app: Chromium's network stack (system proxy and certificates apply)
// through net.request, because net.fetch cannot do what the client needs:
//  - with redirect: 'manual', net.fetch rejects ("Redirect was cancelled") instead of returning the 3xx,
//    so a redirecting server would read as unreachable and be retried; here the 3xx is the answer,
//    Location included, and the client explains it;
//  - no cookies of the window's session go out, nothing is stored from or served by the HTTP cache:
//    every API answer is the server's, now (credentials: 'omit', cache: 'no-store').
import { Readable } from 'node:stream';
import type { IncomingMessage } from 'electron';
import { net } from 'electron';

/** A fetch for API requests (and the reachability probe) built on net.request. */
export function apiFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const url = input instanceof Request ? input.url : String(input);
  const method = (init.method ?? 'GET').toUpperCase();
  return new Promise<Response>((resolve, reject) => {
    const request = net.request({
      url,
      method,
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
    });
    new Headers(init.headers).forEach((value, name) => request.setHeader(name, value));
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      init.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = (): void => {
      request.abort();
      settle(() =>
        reject(init.signal?.reason ?? new DOMException('The operation was aborted', 'AbortError')),
      );
    };
    if (init.signal?.aborted) return onAbort();
    init.signal?.addEventListener('abort', onAbort, { once: true });

    request.on('redirect', (status, _method, redirectUrl, responseHeaders) => {
      // Not followed: the token must only ever go to the configured server. Answer with the 3xx.
      const headers = toHeaders(responseHeaders);
      headers.set('location', redirectUrl);
      settle(() => resolve(new Response(null, { status, headers })));
      request.abort();
    });
    request.on('response', (response: IncomingMessage) => {
      const status = response.statusCode;
      const noBody = status === 204 || status === 304 || method === 'HEAD';
      const body = noBody
        ? null
        : (Readable.toWeb(response as unknown as Readable) as ReadableStream<Uint8Array>);
      if (noBody) (response as unknown as Readable).resume();
      settle(() => resolve(new Response(body, { status, headers: toHeaders(response.headers) })));
    });
    request.on('error', (error: Error) =>
      settle(() => reject(new TypeError(error.message, { cause: error }))),
    );
    if (typeof init.body === 'string') request.write(init.body);
    request.end();
  });
}

function toHeaders(raw: Record<string, string | string[]>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const v of [value].flat()) headers.append(name, v);
  }
  return headers;
}
