import { readBoundedText } from './body';
import { ApiError, cancelledError, errorFromResponse, networkReason, safeCause } from './errors';
import { oneLine, type Redactor } from '../log/redact';
import { parseRetryAfter, retryDelayMs, waitsTooLong, type RetryPolicy } from './retry';
import { buildUrl } from './url';

/** What the onRetry hook learns before each wait. */
export interface RetryInfo {
  /** The 1-based attempt that just failed; the next one is attempt + 1. */
  attempt: number;
  delayMs: number;
  error: ApiError;
  method: string;
  path: string;
}

/** Everything the request loop needs; built once by the client. */
export interface TransportConfig {
  baseUrl: string;
  token: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retry: RetryPolicy;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
  onRetry?: (info: RetryInfo) => void;
  userAgent?: string;
  maxResponseBytes: number;
  redact: Redactor;
}

/** One API call: a path below the base, a JSON body for writes. */
export interface RequestSpec {
  method: 'GET' | 'PATCH';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
}

/** Sends API requests and returns parsed JSON; every failure is an ApiError. */
export type Transport = (spec: RequestSpec) => Promise<unknown>;

// Enough of an error page to find a message in; the rest is never needed.
const ERROR_BODY_LIMIT = 64 * 1024;

const cancelled = cancelledError;

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

/**
 * Builds the request loop. The token lives only in this closure, so it shows up neither in
 * JSON.stringify nor in util.inspect of the client.
 */
export function createTransport(cfg: TransportConfig): Transport {
  const host = new URL(cfg.baseUrl).host;

  const headersFor = (hasBody: boolean): Record<string, string> => ({
    Accept: 'application/json',
    Authorization: `Bearer ${cfg.token}`,
    ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
    ...(cfg.userAgent === undefined ? {} : { 'User-Agent': cfg.userAgent }),
  });

  function fromThrown(err: unknown, caller: AbortSignal | undefined, timeout: AbortSignal): ApiError {
    if (err instanceof ApiError) return err;
    if (caller?.aborted) return cancelled();
    const cause = safeCause(err, cfg.redact);
    if (timeout.aborted) {
      return new ApiError({
        code: 'timeout',
        message: `The server did not answer within ${seconds(cfg.timeoutMs)}`,
        cause,
      });
    }
    const reason = oneLine(cfg.redact(networkReason(err)), 120);
    return new ApiError({
      code: 'network',
      message: `Could not reach the server at ${host} (${reason})`,
      cause,
    });
  }

  async function attempt(spec: RequestSpec): Promise<unknown> {
    // Each attempt gets its own timeout, covering the body as well as the headers.
    const timeout = AbortSignal.timeout(cfg.timeoutMs);
    const signal = spec.signal === undefined ? timeout : AbortSignal.any([spec.signal, timeout]);
    try {
      const res = await cfg.fetch(buildUrl(cfg.baseUrl, spec.path, spec.query), {
        method: spec.method,
        headers: headersFor(spec.body !== undefined),
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal,
        // Redirects are not followed: the token must only ever go to the configured server.
        redirect: 'manual',
        // Every answer is the server's, now; nothing with customer data is kept in an HTTP cache.
        cache: 'no-store',
      });
      if (res.status >= 200 && res.status <= 299) return await readJson(res);
      if ((res.status >= 300 && res.status <= 399) || res.type === 'opaqueredirect') {
        await res.body?.cancel().catch(() => undefined);
        const to = oneLine(cfg.redact(res.headers.get('location') ?? 'elsewhere'), 200);
        throw new ApiError({
          code: 'bad_response',
          status: res.status || undefined,
          message: `The server redirected to ${to}; set the API URL to the final address`,
        });
      }
      // A connection lost while reading an error page must not hide the status we already have.
      const body = await readBoundedText(res, ERROR_BODY_LIMIT).catch(() => ({ text: '' }));
      const receivedAt = cfg.now();
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), receivedAt) ?? undefined;
      throw errorFromResponse(
        {
          status: res.status,
          contentType: res.headers.get('content-type'),
          bodyText: body.text,
          retryAfterMs,
          receivedAt,
        },
        cfg.redact,
      );
    } catch (err) {
      throw fromThrown(err, spec.signal, timeout);
    }
  }

  async function readJson(res: Response): Promise<unknown> {
    const { text, truncated } = await readBoundedText(res, cfg.maxResponseBytes);
    const media = oneLine(cfg.redact(res.headers.get('content-type') ?? 'no content type'), 60);
    if (truncated) {
      throw new ApiError({
        code: 'bad_response',
        status: res.status,
        message: `The server's answer was larger than ${Math.round(cfg.maxResponseBytes / 1024 / 1024)} MB`,
      });
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ApiError({
        code: 'bad_response',
        status: res.status,
        message: `The server's answer was not JSON (${res.status}, ${media})`,
      });
    }
  }

  return async function request(spec: RequestSpec): Promise<unknown> {
    for (let n = 1; ; n++) {
      if (spec.signal?.aborted) throw cancelled();
      let error: ApiError;
      try {
        return await attempt(spec);
      } catch (err) {
        error = err as ApiError;
      }
      // A caller's cancellation is final, and so is anything a retry cannot fix. A server that asks for a
      // longer wait than we grant is not asked again early: the caller learns when it may come back.
      if (!error.retryable || n >= cfg.retry.maxAttempts || waitsTooLong(error.retryAfterMs, cfg.retry)) {
        throw error;
      }
      const delayMs = retryDelayMs(n, cfg.retry, cfg.random, error.retryAfterMs ?? null);
      try {
        cfg.onRetry?.({ attempt: n, delayMs, error, method: spec.method, path: spec.path });
      } catch {
        // A logging hook must not change the outcome of a request.
      }
      try {
        await cfg.sleep(delayMs, spec.signal);
      } catch {
        // An injected sleep that fails for another reason ends the retries with the real error.
        throw spec.signal?.aborted ? cancelled() : error;
      }
    }
  };
}
