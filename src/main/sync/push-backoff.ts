// How long a pending edit waits after the server failed it in a way that may pass (5xx, 429, an answer
// that was not a recording). The API client has already retried within the request by then, so this is the
// slower, second tier: minutes, not milliseconds, so a struggling server is not kept busy by the queue.

/** The first wait after a transient failure. */
export const PUSH_BACKOFF_BASE_MS = 30_000;
/** The longest wait between two automatic attempts. */
export const PUSH_BACKOFF_MAX_MS = 30 * 60_000;

/**
 * The wait after the `attempts`-th failed attempt: doubling from PUSH_BACKOFF_BASE_MS up to
 * PUSH_BACKOFF_MAX_MS, with "equal jitter" (half fixed, half random) so edits spread out yet never retry at
 * once. A server's Retry-After, when longer, wins whatever its length: it said when to come back.
 */
export function pushBackoffMs(attempts: number, random: () => number, retryAfterMs?: number): number {
  const ceiling = Math.min(PUSH_BACKOFF_MAX_MS, PUSH_BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  const wait = Math.floor(ceiling / 2 + (unit * ceiling) / 2);
  return Math.max(wait, retryAfterMs ?? 0);
}
