// Maps a request path onto the API's two resources. Routing comes before authentication, as in
// Rails: an unknown path is 404 and a known path with the wrong method is 405, whoever asks.

export type Route = { kind: 'list' } | { kind: 'recording'; uuid: string } | { kind: 'none' };

/** Methods each resource answers; HEAD comes free with GET, as in Rails. */
export const ALLOWED_METHODS: Record<'list' | 'recording', readonly string[]> = {
  list: ['GET', 'HEAD'],
  recording: ['GET', 'HEAD', 'PATCH'],
};

/** Normalises a base path to "" or "/segment[/segment…]" without a trailing slash. */
export function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** The resource a path names under `basePath` (already normalised). A trailing slash is tolerated. */
export function matchRoute(pathname: string, basePath: string): Route {
  const prefix = `${basePath}/recordings`;
  if (!pathname.startsWith(prefix)) return { kind: 'none' };
  const rest = pathname.slice(prefix.length);
  if (rest === '' || rest === '/') return { kind: 'list' };
  const m = /^\/([^/]+)\/?$/.exec(rest);
  if (!m?.[1]) return { kind: 'none' };
  try {
    return { kind: 'recording', uuid: decodeURIComponent(m[1]) };
  } catch {
    return { kind: 'none' }; // malformed percent-encoding cannot name a recording
  }
}
