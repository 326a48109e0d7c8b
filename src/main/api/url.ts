import { DEFAULT_API_URL } from '../../shared/app';
import { hasCredentials, parseUrl } from '../../shared/links';

/**
 * The API base as a string without a trailing slash. Any http(s) base works, with or without a path
 * ("http://127.0.0.1:1234", "https://host/api/v2/"). Query strings, fragments and credentials are
 * refused: they would be silently dropped or end up in logs.
 */
export function normalizeBaseUrl(base: string = DEFAULT_API_URL): string {
  const url = parseUrl(base.trim());
  if (url === null) {
    throw new TypeError(`The API URL is not a valid URL: ${JSON.stringify(base.slice(0, 200))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`The API URL must start with http:// or https:// (got ${url.protocol})`);
  }
  if (hasCredentials(url)) {
    throw new TypeError('The API URL must not contain a user name or password');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new TypeError('The API URL must not contain a query (?…) or a fragment (#…)');
  }
  const problem = apiUrlProblem(url);
  if (problem !== null) throw new TypeError(problem);
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

/**
 * Why an API URL must not be used, or null. Every request carries the token, so it travels only over
 * https, except to this computer (loopback: the demo server, tests), where nothing leaves the machine.
 * Link-local and cloud-metadata addresses are never an API: a URL pointing there would hand the token,
 * or the machine's own credentials, to whatever answers. The URL is the parsed one, so every spelling
 * of an address (2852039166, [::ffff:169.254.169.254]) is already in its canonical form.
 */
export function apiUrlProblem(url: URL): string | null {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const v4 = ipv4Of(host);
  if (METADATA_HOSTS.has(host) || METADATA_HOSTS.has(v4 ?? '')) {
    return `The API URL points at a cloud metadata service (${url.hostname}), not at Screendesk`;
  }
  if ((v4 !== null && v4.startsWith('169.254.')) || /^\[fe[89ab][0-9a-f]?:/.test(host)) {
    return `The API URL points at a link-local address (${url.hostname}), which is never a Screendesk server`;
  }
  if (url.protocol === 'http:' && !isLoopback(host, v4)) {
    return `The API URL must start with https:// — the token is sent with every request, so plain http is allowed only for this computer (localhost, 127.0.0.1, [::1])`;
  }
  return null;
}

const METADATA_HOSTS = new Set([
  'metadata.google.internal',
  '169.254.169.254',
  '[fd00:ec2::254]',
  '100.100.100.200',
]);

/** The dotted IPv4 address of a host, also when written as an IPv4-mapped IPv6 one; else null. */
function ipv4Of(host: string): string | null {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host;
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(host);
  if (mapped === null) return null;
  const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

function isLoopback(host: string, v4: string | null): boolean {
  return (
    host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || (v4 ?? '').startsWith('127.')
  );
}
