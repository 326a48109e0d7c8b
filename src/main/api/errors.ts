import { CodedError, isCodedError, type Reported } from '../../shared/coded-error';
import { mediaTypeOf, parseErrorBody } from './error-body';
import { oneLine, type Redactor } from '../log/redact';

/** Every way a call to the Screendesk API can fail, as a code the UI and sync can act on. */
export type ApiErrorCode =
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad_response'
  | 'cancelled';

/** Everything an ApiError is built from. */
export interface ApiErrorInit {
  code: ApiErrorCode;
  message: string;
  status?: number;
  serverMessage?: string;
  serverCode?: string;
  retryable?: boolean;
  retryAfterMs?: number;
  retryAt?: number;
  /** The body was the API's own JSON error document (see ErrorBodyInfo.fromApi). */
  fromApi?: boolean;
  cause?: unknown;
}

// Failures that may go away by themselves; everything else needs a person or a code change.
const RETRYABLE_CODES: ReadonlySet<ApiErrorCode> = new Set(['network', 'timeout', 'rate_limited', 'server']);

/** The one error type the API client throws; its message is meant for people and never holds the token. */
export class ApiError extends CodedError<ApiErrorCode> {
  readonly status?: number;
  /** The server's own message, cleaned (one line, bounded, token removed). */
  readonly serverMessage?: string;
  readonly serverCode?: string;
  readonly retryable: boolean;
  /** How long the server asked us to wait (Retry-After), uncapped, when it said so. */
  readonly retryAfterMs?: number;
  /** When the server said to come back (epoch ms): nothing should be sent to it before then. */
  readonly retryAt?: number;
  /**
   * True when the answer was the API's own JSON error, false when it was some other body (a proxy's HTML
   * page, plain text, nothing): a 404 of the latter kind says nothing about the recording asked for.
   */
  readonly fromApi: boolean;

  constructor(init: ApiErrorInit) {
    super(init.code, init.message, { cause: init.cause });
    this.name = 'ApiError';
    this.retryable = init.retryable ?? RETRYABLE_CODES.has(init.code);
    this.fromApi = init.fromApi ?? false;
    // Optional fields are only set when present, so JSON and deep-equality stay tidy.
    if (init.status !== undefined) this.status = init.status;
    if (init.serverMessage !== undefined) this.serverMessage = init.serverMessage;
    if (init.serverCode !== undefined) this.serverCode = init.serverCode;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.retryAt !== undefined) this.retryAt = init.retryAt;
  }

  /** The API client's codes are a subset of the contract's, one to one. */
  get reported(): Reported {
    return { uiCode: this.code };
  }

  /** A plain object for logs and IPC (an Error's message is otherwise lost by JSON.stringify). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      serverMessage: this.serverMessage,
      serverCode: this.serverCode,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      retryAt: this.retryAt,
      fromApi: this.fromApi,
    };
  }
}

/** The error for a request given up because its caller's signal aborted. */
export function cancelledError(): ApiError {
  return new ApiError({ code: 'cancelled', message: 'The request was cancelled', retryable: false });
}

/** True when `e` is an ApiError (optionally of one of the given codes). */
export function isApiError(e: unknown, ...codes: ApiErrorCode[]): e is ApiError {
  return isCodedError(e, ApiError, codes);
}

/** The error code for an HTTP status that is not a success. */
export function codeForStatus(status: number): ApiErrorCode {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status >= 500 && status <= 599) return 'server';
  // Any other 4xx is a request the server will keep refusing: never retried.
  if (status >= 400 && status <= 499) return 'validation';
  return 'bad_response';
}

function leadFor(code: ApiErrorCode, status: number): string {
  switch (code) {
    case 'auth':
      return 'The API token was not accepted';
    case 'forbidden':
      return 'Access denied (API access may be off for this account, or the action needs an admin)';
    case 'not_found':
      return 'Not found on the server';
    case 'validation':
      return status === 422 ? 'The server rejected the change' : 'The server rejected the request';
    case 'rate_limited':
      return 'The server is receiving too many requests';
    case 'timeout':
      return 'The server gave up waiting for the request';
    case 'server':
      return 'The server had a problem';
    default:
      return 'Unexpected response from the server';
  }
}

/** Facts about a failed HTTP response that an error is built from. */
export interface FailedResponse {
  status: number;
  contentType: string | null;
  bodyText: string;
  retryAfterMs?: number;
  /** When the response arrived (epoch ms), to turn a Retry-After into an instant. */
  receivedAt?: number;
}

/** Builds the error for a non-success response; server text is redacted first, then bounded. */
export function errorFromResponse(res: FailedResponse, redact: Redactor): ApiError {
  const code = codeForStatus(res.status);
  const body = parseErrorBody(res.bodyText, res.contentType);
  const clean = (s: string | undefined, max: number): string | undefined => {
    const text = s === undefined ? '' : oneLine(redact(s), max);
    return text === '' ? undefined : text;
  };
  const serverMessage = clean(body.message, 300);
  const serverCode = clean(body.code, 80);
  // Redacted before mediaTypeOf lowercases it, or a token's mixed case would slip past.
  const media = oneLine(mediaTypeOf(redact(res.contentType ?? '')), 60) || 'no content type';
  let message: string;
  if (serverMessage !== undefined) {
    message = `${leadFor(code, res.status)}: ${serverMessage} (${res.status})`;
  } else if (
    (code === 'server' || code === 'bad_response') &&
    (body.kind === 'html' || body.kind === 'other')
  ) {
    message = `Unexpected ${res.status} response from the server (${media})`;
  } else {
    message = `${leadFor(code, res.status)} (${res.status})`;
  }
  return new ApiError({
    code,
    message,
    status: res.status,
    serverMessage,
    serverCode,
    retryAfterMs: res.retryAfterMs,
    retryAt:
      res.retryAfterMs === undefined || res.receivedAt === undefined
        ? undefined
        : res.receivedAt + res.retryAfterMs,
    fromApi: body.fromApi === true,
  });
}

/** True when the API itself answered that the resource does not exist (not a proxy's 404 page). */
export function isApiNotFound(e: unknown): boolean {
  return isApiError(e, 'not_found') && e.fromApi;
}

/** A copy of a thrown value that is safe to keep as `cause`: redacted message, no foreign objects. */
export function safeCause(err: unknown, redact: Redactor, depth = 3): Error | undefined {
  if (err === undefined || err === null || depth <= 0) return undefined;
  const source = err instanceof Error ? err : new Error(String(err));
  const copy = new Error(oneLine(redact(source.message), 500), {
    cause: safeCause((source as { cause?: unknown }).cause, redact, depth - 1),
  });
  copy.name = oneLine(redact(source.name), 60);
  // Node's network errors carry the useful part (ECONNREFUSED, UND_ERR_SOCKET…) in `code`.
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code: oneLine(redact(code), 60) });
  return copy;
}

/** The most specific short reason found in a network error's chain (e.g. "ECONNREFUSED"). */
export function networkReason(err: unknown): string {
  for (let e: unknown = err, i = 0; e instanceof Error && i < 5; e = e.cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    // Chromium's net.fetch reports "net::ERR_CONNECTION_REFUSED" in the message.
    const chromium = /net::(ERR_[A-Z_]+)/.exec(e.message);
    if (chromium?.[1] !== undefined) return chromium[1];
  }
  return err instanceof Error && err.message !== '' ? err.message : 'connection failed';
}
