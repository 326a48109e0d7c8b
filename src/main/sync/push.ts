// Pushing the queue: every pending edit, in the order it was queued, each checked against the server
// before it is sent (see push-one.ts for one edit and its crash safety).
import type { PushContext, PushSource, PushStep, PushStore } from './push-one';
import { pushOne } from './push-one';

/** What a push did, for the status bar, the CLI and the scheduler. */
export interface PushSummary {
  /** Edits the server took in this run. */
  pushed: number;
  /** Edits refused in this run (403, 404, 422…): they wait for the user. */
  failed: number;
  /** Edits found to conflict with a change made on the server: they wait for the user. */
  conflicts: number;
  /** Edits still pending after the run (the server struggled, or edits arrived meanwhile). */
  pending: number;
  /**
   * The queue is paused for the whole account (401, or a refusal such as a 403 on the GET before a PATCH):
   * nothing was dropped; the account's queuePause says why. The next push probes with one request.
   */
  paused: boolean;
  /** When the earliest pending edit is due again after a transient failure (epoch ms), else null. */
  retryAt: number | null;
  /** Set when the server rate limited the run: nothing is due before this (epoch ms). */
  rateLimitedUntil?: number;
}

/** How a push runs. */
export interface PushOptions {
  source: PushSource;
  store: PushStore;
  signal?: AbortSignal;
  /** Skip edits still backing off after a transient failure (automatic pushes); default: send all now. */
  onlyDue?: boolean;
  now?: () => number;
  random?: () => number;
}

// An edit changed by the user while its request was in flight is looked at again, but not forever.
const MAX_LOOKS_PER_RUN = 3;
// Transient failures (5xx, 429…) tolerated in one run before it stops: one odd recording must not block
// the queue, but a struggling server must not be sent the whole queue either.
const MAX_TRANSIENT_PER_RUN = 3;

/**
 * Sends pending edits oldest first. Stops early when the account is refused (paused), on a 429, or on
 * repeated server errors;
 * throws ApiError 'network' / 'timeout' / 'cancelled' when the server cannot be reached (the edit being
 * sent stays pending, and is sent again next time).
 */
export async function push(opts: PushOptions): Promise<PushSummary> {
  const ctx: PushContext = {
    source: opts.source,
    store: opts.store,
    signal: opts.signal,
    now: opts.now ?? Date.now,
    random: opts.random ?? Math.random,
  };
  const { outbox } = opts.store;
  const summary: PushSummary = {
    pushed: 0,
    failed: 0,
    conflicts: 0,
    pending: 0,
    paused: false,
    retryAt: null,
  };
  const looks = new Map<number, number>();
  let transient = 0;
  let cursor = 0;
  for (;;) {
    const row = outbox.nextPending(cursor, opts.onlyDue === true ? ctx.now() : undefined);
    if (row === undefined) break;
    const look = (looks.get(row.id) ?? 0) + 1;
    looks.set(row.id, look);
    const step: PushStep = await pushOne(row, ctx);
    // A changed edit is looked at again from the same place; anything else moves on.
    if (step === 'changed' && look < MAX_LOOKS_PER_RUN) continue;
    cursor = row.id;
    if (step === 'pushed') summary.pushed++;
    // Which edits newly failed is told by the service comparing the queue before and after
    // (service/problems.ts), which also notices an edit that sdesk failed in another process.
    if (step === 'failed') summary.failed++;
    if (step === 'conflict') summary.conflicts++;
    if (step === 'paused') {
      summary.paused = true;
      break;
    }
    if (step === 'rate_limited') {
      summary.rateLimitedUntil = holdPending(outbox, outbox.get(row.id)?.nextAttemptAt ?? null);
      break;
    }
    if (step === 'transient' && ++transient >= MAX_TRANSIENT_PER_RUN) break;
  }
  summary.pending = outbox.counts().pending;
  summary.retryAt = outbox.earliestRetryAt();
  return summary;
}

/**
 * A rate limit is the account's, not one edit's: every pending edit waits until `until` (the wait the
 * server asked for, or the backoff), so an automatic push does not send the next edit at once. Returns it.
 */
function holdPending(outbox: PushStore['outbox'], until: number | null): number | undefined {
  if (until === null) return undefined;
  outbox.durably(() => {
    for (const row of outbox.listOpen()) {
      if (row.status !== 'pending' || (row.nextAttemptAt ?? 0) >= until) continue;
      // Not the user's change: the edit keeps its time.
      outbox.update(row.id, { nextAttemptAt: until, updatedAt: row.updatedAt });
    }
  });
  return until;
}
