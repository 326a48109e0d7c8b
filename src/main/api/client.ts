import type { RecordingUpdate } from '../../shared/screendesk-api';
import { ApiError, isApiError } from './errors';
import { DEFAULT_MAX_PAGES, normalizePagination } from './pagination';
import { parseRecordingEntry, parseRecordingList, type RecordingEntry } from './parse';
import { makeRedactor } from '../log/redact';
import { defaultSleep, resolveRetryPolicy, type RetryPolicy } from './retry';
import { createTransport, type RetryInfo, type Transport } from './transport';
import { normalizeBaseUrl, recordingPath } from './url';
import type { PageSource, RecordingPage } from './walk';

/** How to reach and talk to a Screendesk server. */
export interface ScreendeskClientOptions {
  /** API base, with or without a path (default DEFAULT_API_URL). */
  baseUrl?: string;
  /** The API token, sent as a Bearer token (surrounding whitespace is ignored). */
  token: string;
  /** The fetch to use: Electron's net.fetch in the app, the global fetch elsewhere. */
  fetch?: typeof fetch;
  /** Per-attempt timeout, headers and body included (default 30 s). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Injectable for tests: waits between attempts; must reject when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable for tests: uniform in [0, 1), drives the backoff jitter. */
  random?: () => number;
  /** Injectable for tests: the clock that Retry-After dates are measured against. */
  now?: () => number;
  /** Called before each wait between attempts (for logs, and for sync to back off on 429). */
  onRetry?: (info: RetryInfo) => void;
  userAgent?: string;
  /** Highest page number believed, whatever the server claims (default DEFAULT_MAX_PAGES). */
  maxPages?: number;
  /** Largest successful body read (default 64 MB). */
  maxResponseBytes?: number;
}

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/** What verifyToken learns about the account. */
export interface TokenCheck {
  /** Recordings this token can see (the reported count, or the first page's size without one). */
  count: number;
  pages: number;
}

/** Default per-attempt timeout. */
export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const UPDATABLE_FIELDS = ['title', 'summary', 'description'] as const;

/** Checks a token before it is ever put in a header (a bad one would make fetch echo it in an error). */
function cleanToken(token: string): string {
  const trimmed = token.trim();
  if (trimmed === '') throw new ApiError({ code: 'auth', message: 'No API token was given' });
  if (!/^[\x21-\x7e]+$/.test(trimmed)) {
    throw new ApiError({
      code: 'auth',
      message: 'The API token contains characters a token cannot have (spaces, line breaks or non-ASCII)',
    });
  }
  return trimmed;
}

/** The Screendesk API v2 client: list, get and update recordings, with timeouts, retries, typed errors. */
export class ScreendeskClient implements PageSource {
  /** The normalized API base (no trailing slash). */
  readonly baseUrl: string;
  readonly #request: Transport;
  readonly #maxPages: number;

  constructor(opts: ScreendeskClientOptions) {
    this.baseUrl = normalizeBaseUrl(opts.baseUrl);
    const token = cleanToken(opts.token);
    this.#maxPages = Math.max(1, Math.floor(opts.maxPages ?? DEFAULT_MAX_PAGES));
    this.#request = createTransport({
      baseUrl: this.baseUrl,
      token,
      fetch: opts.fetch ?? globalThis.fetch,
      timeoutMs: Math.min(600_000, Math.max(1, Math.floor(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS))),
      retry: resolveRetryPolicy(opts.retry),
      sleep: opts.sleep ?? defaultSleep,
      random: opts.random ?? Math.random,
      now: opts.now ?? Date.now,
      onRetry: opts.onRetry,
      userAgent: opts.userAgent,
      maxResponseBytes: opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      redact: makeRedactor(token),
    });
  }

  /** GET /recordings?page=N: one page, records without a usable uuid skipped and counted. */
  async listRecordings(page = 1, opts: RequestOptions = {}): Promise<RecordingPage> {
    if (!Number.isSafeInteger(page) || page < 1) throw new RangeError(`Not a page number: ${page}`);
    const body = await this.#request({
      method: 'GET',
      path: '/recordings',
      query: { page: String(page) },
      signal: opts.signal,
    });
    const list = parseRecordingList(body);
    if (list === null) {
      throw new ApiError({
        code: 'bad_response',
        message: "The server's answer did not hold a list of recordings",
      });
    }
    return {
      records: list.entries,
      pagination: normalizePagination(list.rawPagination, page, list.rawCount, { maxPages: this.#maxPages }),
      rawPagination: list.rawPagination,
      skipped: list.skipped,
    };
  }

  /** GET /recordings/{uuid}. */
  async getRecording(uuid: string, opts: RequestOptions = {}): Promise<RecordingEntry> {
    const body = await this.#request({ method: 'GET', path: recordingPath(uuid), signal: opts.signal });
    return expectRecording(body, uuid);
  }

  /** PATCH /recordings/{uuid} with only the given fields (title, summary, description). */
  async updateRecording(
    uuid: string,
    fields: RecordingUpdate,
    opts: RequestOptions = {},
  ): Promise<RecordingEntry> {
    // Only known, defined fields are sent, so a whole Recording passed by mistake changes nothing else.
    const changes: Record<string, string | null> = {};
    for (const key of UPDATABLE_FIELDS) {
      const value = fields[key];
      if (value !== undefined) changes[key] = value;
    }
    if (Object.keys(changes).length === 0) throw new RangeError('updateRecording needs at least one field');
    const body = await this.#request({
      method: 'PATCH',
      path: recordingPath(uuid),
      body: { recording: changes },
      signal: opts.signal,
    });
    return expectRecording(body, uuid);
  }

  /**
   * Checks that the token works by listing page 1, with messages for the ways a login goes wrong:
   * a rejected token, an account without API access, a URL that is not a Screendesk API.
   */
  async verifyToken(opts: RequestOptions = {}): Promise<TokenCheck> {
    try {
      const first = await this.listRecordings(1, opts);
      return { count: first.pagination.count ?? first.records.length, pages: first.pagination.pages };
    } catch (err) {
      throw isApiError(err) ? explainForLogin(err, this.baseUrl) : err;
    }
  }

  /** Only the base URL: the token must never reach a log through JSON.stringify(client). */
  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }
}

function expectRecording(body: unknown, uuid: string): RecordingEntry {
  const entry = parseRecordingEntry(body);
  if (entry === null)
    throw new ApiError({ code: 'bad_response', message: "The server's answer was not a recording" });
  // Case is ignored because uuids are case-insensitive; any other difference means a mixed-up answer.
  if (entry.uuid.toLowerCase() !== uuid.toLowerCase()) {
    throw new ApiError({ code: 'bad_response', message: 'The server answered with a different recording' });
  }
  return entry;
}

function explainForLogin(err: ApiError, baseUrl: string): ApiError {
  const suffix = `${err.serverMessage === undefined ? '' : `: ${err.serverMessage}`}${err.status === undefined ? '' : ` (${err.status})`}`;
  const messages: Partial<Record<ApiError['code'], string>> = {
    auth: `The API token was not accepted; copy it again from Screendesk's settings${suffix}`,
    forbidden: `The token works but API access is not enabled for this account${suffix}`,
    not_found: `No Screendesk API answers at ${baseUrl}; check the API URL${suffix}`,
    bad_response: `${baseUrl} does not look like a Screendesk API: ${err.message}`,
  };
  const message = messages[err.code];
  if (message === undefined) return err;
  return new ApiError({
    code: err.code,
    message,
    status: err.status,
    serverMessage: err.serverMessage,
    serverCode: err.serverCode,
    retryable: err.retryable,
    cause: err,
  });
}
