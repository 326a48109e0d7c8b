// The renderer's origin: the privileged app:// scheme, answered from the built renderer's files (inside
// the asar when packaged; Electron's fs reads it). A real origin instead of file://, so the window's
// pages are one origin the IPC check can compare, module scripts load without the file:// fuse, and no
// other local file can ever be fetched by the page.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { contentTypeFor, resolveStaticFile } from '../static-files';

/** The scheme and host of the app's pages. */
const APP_SCHEME = 'app';
const APP_HOST = 'screendesk';
/** The page the window opens. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registers app:// as standard (real origin, relative URLs) and secure (a secure context, like https)
 * with the Fetch API allowed. Electron accepts this only before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves app://screendesk/… from `rendererDir` (after ready). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request));
}

const HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

/** The answer to one app:// request: a file of the renderer, or 404 for anything else. */
async function rendererResponse(rendererDir: string, request: Request): Promise<Response> {
  const notFound = (): Response =>
    new Response('Not found', { status: 404, headers: { ...HEADERS, 'Content-Type': 'text/plain' } });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return notFound();
  }
  // Node's URL does not know app:// is standard: the host is compared as the parser gives it.
  if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
  const file = resolveStaticFile(rendererDir, url.pathname);
  if (file === null) return notFound();
  const body = request.method === 'HEAD' ? null : await readFile(file);
  return new Response(body, { status: 200, headers: { ...HEADERS, 'Content-Type': contentTypeFor(file) } });
}
