import { DEFAULT_API_URL } from '../../shared/app';

/**
 * The API base as a string without a trailing slash. Any http(s) base works, with or without a path
 * ("http://127.0.0.1:1234", "https://host/api/v2/"). Query strings, fragments and credentials are
 * refused: they would be silently dropped or end up in logs.
 */
export function normalizeBaseUrl(base: string = DEFAULT_API_URL): string {
  let url: URL;
  try {
    url = new URL(base.trim());
  } catch {
    throw new TypeError(`The API URL is not a valid URL: ${JSON.stringify(base.slice(0, 200))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`The API URL must start with http:// or https:// (got ${url.protocol})`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError('The API URL must not contain a user name or password');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new TypeError('The API URL must not contain a query (?…) or a fragment (#…)');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Joins a normalized base with an API path ("/recordings") and query parameters. */
export function buildUrl(base: string, path: string, query?: Record<string, string>): string {
  const search = query === undefined ? '' : `?${new URLSearchParams(query).toString()}`;
  return `${base}${path}${search}`;
}

/**
 * True for a string that can name a recording: non-empty, bounded, no whitespace or control
 * characters, and not "." or ".." (URL parsers resolve those, even percent-encoded, as dot segments,
 * so they would address another resource).
 */
export function isUsableUuid(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 200 &&
    // eslint-disable-next-line no-control-regex -- control characters are what is being refused
    /^[^\s\u0000-\u001f\u007f]+$/.test(value) &&
    value !== '.' &&
    value !== '..'
  );
}

/** The path of one recording; the uuid is encoded so that no value can escape its path segment. */
export function recordingPath(uuid: string): string {
  if (!isUsableUuid(uuid)) throw new TypeError('Not a usable recording uuid');
  return `/recordings/${encodeURIComponent(uuid)}`;
}
