// When and how long to wait before trying a request again. Pure functions, so the policy is tested
// without a server or a clock.
import { parseHttpDate } from './http-date';

/** How hard the client tries before giving up. */
export interface RetryPolicy {
  /** Total attempts including the first; clamped to 1..MAX_ATTEMPTS_LIMIT. */
  maxAttempts: number;
  /** The backoff ceiling before the first retry; it doubles on each further retry. */
  baseDelayMs: number;
  /** Ceiling of the exponential backoff. */
  maxDelayMs: number;
  /**
   * Longest Retry-After waited for within a request (an hour-long ask would freeze a sync). A longer one
   * is not retried early: the request ends as it is, carrying the wait, for the caller to honour.
   */
  maxRetryAfterMs: number;
}

/** Defaults: 5 attempts, backoff ceilings 0.5, 1, 2, 4 s (full jitter), Retry-After waited for up to 60 s. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000,
};

/** Whatever a caller configures, no request is tried more often than this. */
export const MAX_ATTEMPTS_LIMIT = 10;

/** The default policy with the caller's overrides, every number made finite and in range. */
export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const pick = (value: number | undefined, fallback: number, min: number, max: number): number =>
    value === undefined || Number.isNaN(value) ? fallback : Math.min(max, Math.max(min, value));
  const d = DEFAULT_RETRY_POLICY;
  return {
    maxAttempts: Math.floor(pick(overrides.maxAttempts, d.maxAttempts, 1, MAX_ATTEMPTS_LIMIT)),
    baseDelayMs: pick(overrides.baseDelayMs, d.baseDelayMs, 0, 3_600_000),
    maxDelayMs: pick(overrides.maxDelayMs, d.maxDelayMs, 0, 3_600_000),
    maxRetryAfterMs: pick(overrides.maxRetryAfterMs, d.maxRetryAfterMs, 0, 3_600_000),
  };
}

/**
 * Milliseconds a Retry-After header asks for, given as delta-seconds ("120") or an HTTP date in any form of
 * RFC 9110 (all UTC); null when absent or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = parseHttpDate(text, nowMs);
  return at === null ? null : Math.max(0, at - nowMs);
}

/** True when the server asks for a longer wait than the client grants within one request. */
export function waitsTooLong(retryAfterMs: number | null | undefined, policy: RetryPolicy): boolean {
  return retryAfterMs !== null && retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs;
}

/**
 * The wait before the next attempt. A server's Retry-After wins (no jitter: it told us when; one longer
 * than maxRetryAfterMs never gets here, see waitsTooLong, and is capped as a safeguard). Otherwise full
 * jitter: uniform in [0, min(maxDelay, base·2^(attempt−1))), which spreads clients apart better than equal
 * or decorrelated jitter (AWS Architecture Blog, 2015). `attempt` is the 1-based number of the attempt that
 * just failed.
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfterMs: number | null,
): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const r = random();
  // A broken injected random must not produce negative, NaN or over-the-ceiling waits.
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  return Math.floor(unit * ceiling);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
