// Confirming, one by one, that cached recordings a walk did not see are really gone. Only the API's own
// 404 for the recording removes it: a proxy's 404 page, a 403 (API access switched off), a 5xx, a
// timeout or an unreachable server prove nothing, so the recording stays for a later check and the
// sync goes on. Each sync checks a bounded batch; the next one continues after the last uuid asked for
// (kept in meta), so a long list of unconfirmed recordings is worked through over several syncs.
import { isApiError, isApiNotFound } from '../api';
import type { RecordingEntry } from '../api';
import type { MetaRepo, RecordingsRepo } from '../db';
import { META_KEYS } from '../db';
import type { AdaptiveLimit } from './adaptive-limit';
import { forEachPage } from './page-pool';

/** Most recordings asked for one by one in one sync. */
const REMOVAL_CHECK_BATCH = 200;

/** What a removal check reads from. */
export interface CheckSource {
  getRecording(uuid: string, opts?: { signal?: AbortSignal }): Promise<RecordingEntry>;
}

export interface RemovalCheckOptions {
  source: CheckSource;
  store: { recordings: RecordingsRepo; meta: MetaRepo };
  limit: AdaptiveLimit;
  signal?: AbortSignal;
  /** Most recordings checked now (default REMOVAL_CHECK_BATCH). */
  batch?: number;
}

/** What the checks found. */
export interface RemovalCheckResult {
  /** Removed: the API answered 404 for them. */
  removed: number;
  /** Still on the server (refreshed in the cache). */
  confirmed: number;
  /** Neither: kept for a later sync to check. */
  kept: number;
  /** Why some were kept, in plain words; null when every one was settled. */
  problem: string | null;
}

/**
 * Asks for each of `missing` by uuid (a bounded batch, continuing where the last sync stopped). The
 * first answer that proves nothing stops the batch: such refusals are nearly always account-wide, and
 * asking on would only repeat them. Throws only when cancelled, when the token is rejected (401), or when
 * the server asks to wait (429 with Retry-After).
 */
export async function checkRemovals(
  opts: RemovalCheckOptions,
  missing: readonly string[],
): Promise<RemovalCheckResult> {
  const { source, store, signal } = opts;
  const after = store.meta.get(META_KEYS.removalCheckAfter) ?? '';
  const sorted = [...missing].sort();
  const start = sorted.findIndex((uuid) => uuid > after);
  const order = start <= 0 ? sorted : [...sorted.slice(start), ...sorted.slice(0, start)];
  const batch = order.slice(0, Math.max(0, Math.floor(opts.batch ?? REMOVAL_CHECK_BATCH)));

  const gone: string[] = [];
  let confirmed = 0;
  let asked = 0; // how far into `batch` requests went
  let failure: string | null = null;
  await forEachPage(0, batch.length - 1, opts.limit, signal, async (i, checkSignal) => {
    if (failure !== null) return;
    const uuid = batch[i] as string;
    asked = Math.max(asked, i + 1);
    let entry: RecordingEntry;
    try {
      entry = await source.getRecording(uuid, { signal: checkSignal });
    } catch (error) {
      if (isApiNotFound(error)) gone.push(uuid);
      else if (signal?.aborted === true || isApiError(error, 'cancelled', 'auth')) throw error;
      // The server said when to come back (Retry-After): the sync ends as rate limited, so that nothing is
      // sent before then (the scheduler holds); what it stored stays, and the checks resume next time.
      else if (isApiError(error, 'rate_limited') && error.retryAt !== undefined) throw error;
      else failure ??= unconfirmedBecause(error);
      return;
    }
    // Still there: refreshed in the cache (a failed write fails the sync, like any other).
    store.recordings.upsertPage([entry.raw]);
    confirmed++;
  });
  const last = batch[asked - 1];
  if (last !== undefined) store.meta.set(META_KEYS.removalCheckAfter, last);

  const removed = store.recordings.removeUuids(gone);
  const kept = missing.length - gone.length - confirmed;
  const later = missing.length - batch.length;
  const problems = [
    failure === null ? null : `could not confirm: ${failure}`,
    later > 0 ? `${later} wait for the next sync to check them` : null,
  ].filter((p): p is string => p !== null);
  return { removed, confirmed, kept, problem: problems.length > 0 ? problems.join('; ') : null };
}

/** Why a check proved nothing, in a few plain words. */
function unconfirmedBecause(error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error);
  if (error.code === 'not_found')
    return `the server answered ${error.status ?? 404} with a page that is not the API's`;
  if (error.code === 'network') return 'the server could not be reached';
  if (error.code === 'timeout' && error.status === undefined) return 'the server did not answer in time';
  if (error.code === 'bad_response' && error.status === undefined)
    return "the server's answer was not a recording";
  return error.status === undefined ? error.message : `the server answered ${error.status}`;
}
