// Sending one queued edit: GET the recording, compare, PATCH, record the outcome. Every step that changes
// the queue is one durable transaction, and the queue is re-read inside it, because the user (or another
// process on the same cache) may edit, retry or discard the edit while a request for it is in flight.
//
// Crash safety: the edit stays 'pending' until the transaction that stores the server's answer marks it
// 'done'. A kill or power cut anywhere before that leaves it pending, and the next push sends it again
// (PATCH is idempotent). Because the PATCH may have landed before the crash, the values it carried are
// recorded first (`sent`): finding them on the server later means our own write, not someone else's.
import type { RecordingEntry } from '../api';
import { isApiError, isApiNotFound } from '../api';
import type { MetaRepo, OutboxRepo, OutboxRow, RecordingsRepo } from '../db';
import type { FieldValues } from '../outbox';
import {
  conflictingFields,
  fieldsOf,
  noteAnswered,
  serverValues,
  setCanEdit,
  setNeedsToken,
  setRefused,
} from '../outbox';
import type { RecordingUpdate } from '../../shared/screendesk-api';
import { pushBackoffMs } from './push-backoff';

/** What a push reads from and writes to: the API client and one account's cache. */
export interface PushSource {
  getRecording(uuid: string, opts?: { signal?: AbortSignal }): Promise<RecordingEntry>;
  updateRecording(
    uuid: string,
    fields: RecordingUpdate,
    opts?: { signal?: AbortSignal },
  ): Promise<RecordingEntry>;
}

/** The parts of an account's cache a push touches. */
export interface PushStore {
  recordings: RecordingsRepo;
  meta: MetaRepo;
  outbox: OutboxRepo;
}

/** Everything pushOne needs besides the edit. */
export interface PushContext {
  source: PushSource;
  store: PushStore;
  signal?: AbortSignal;
  now: () => number;
  random: () => number;
}

/**
 * How one edit ended. 'changed': it was edited, discarded or decided while a request was in flight, so
 * this attempt's result no longer applies (the loop looks at it again).
 */
export type PushStep = 'pushed' | 'failed' | 'conflict' | 'transient' | 'rate_limited' | 'paused' | 'changed';

/** The message of an edit refused with 403. */
export const FORBIDDEN_MESSAGE = 'Only admins can edit recordings: the server refused this edit (403).';
/** The message of an edit whose recording is gone. */
export const DELETED_MESSAGE = 'This recording was deleted on the server (404).';
/** Said of the queue when the account as a whole is refused: nothing was dropped, and it resumes itself. */
const PAUSED_TAIL =
  'Queued edits are paused, not failed: they go out by themselves once the server answers again.';

/** Tries to deliver one pending edit. Throws only for network, timeout and cancellation: the edit stays. */
export async function pushOne(row: OutboxRow, ctx: PushContext): Promise<PushStep> {
  const { source, store, signal } = ctx;
  const edited = fieldsOf(row.fields);
  if (edited.length === 0) return fail(row, ctx, 'This edit has no fields left to send; discard it.');

  let current: RecordingEntry;
  try {
    current = await source.getRecording(row.uuid, { signal });
  } catch (error) {
    return settleError(row, row.attempts + 1, error, 'get', ctx);
  }
  noteAnswered(store.meta);
  const theirs = serverValues(current.raw, edited);
  const conflicting = conflictingFields(row, theirs);

  if (conflicting.length > 0) {
    return store.outbox.durably(() => {
      if (!unchanged(row, store.outbox)) return 'changed';
      store.recordings.upsertPage([current.raw]);
      store.outbox.update(row.id, {
        status: 'conflict',
        theirs,
        error: `Changed on the server since you edited it (${conflicting.join(', ')}).`,
        nextAttemptAt: null,
        updatedAt: ctx.now(),
      });
      return 'conflict';
    });
  }

  // The server holds values this edit may overwrite (the base, or ours): rebase on them, and record what is
  // about to be sent before sending it.
  const attempts = row.attempts + 1;
  const ready = store.outbox.durably(() => {
    if (!unchanged(row, store.outbox)) return false;
    store.recordings.upsertPage([current.raw]);
    store.outbox.update(row.id, { base: theirs, sent: row.fields, attempts, updatedAt: ctx.now() });
    return true;
  });
  if (!ready) return 'changed';

  let answer: RecordingEntry;
  try {
    answer = await source.updateRecording(row.uuid, toPatch(row.fields), { signal });
  } catch (error) {
    return settleError(row, attempts, error, 'patch', ctx);
  }
  return store.outbox.durably((): PushStep => {
    // The server's answer replaces the cached copy whatever happened to the edit meanwhile: it is the truth.
    store.recordings.upsertPage([answer.raw]);
    setCanEdit(store.meta, true);
    noteAnswered(store.meta);
    const now = store.outbox.get(row.id);
    if (now === undefined || now.status !== 'pending') return 'changed';
    if (now.fieldsJson === row.fieldsJson) {
      store.outbox.update(row.id, {
        status: 'done',
        error: null,
        sent: null,
        nextAttemptAt: null,
        updatedAt: ctx.now(),
      });
      return 'pushed';
    }
    // Edited again while the PATCH was in flight: what was sent is now the server's value; the rest waits.
    store.outbox.update(row.id, {
      base: { ...now.base, ...serverValues(answer.raw, edited) },
      sent: null,
      updatedAt: ctx.now(),
    });
    return 'changed';
  });
}

/** True while the stored edit is still the pending one this attempt started from. */
function unchanged(row: OutboxRow, outbox: OutboxRepo): boolean {
  const now = outbox.get(row.id);
  return now !== undefined && now.status === 'pending' && now.fieldsJson === row.fieldsJson;
}

function toPatch(values: FieldValues): RecordingUpdate {
  const patch: RecordingUpdate = {};
  if (typeof values.title === 'string') patch.title = values.title;
  if (values.summary !== undefined) patch.summary = values.summary;
  if (values.description !== undefined) patch.description = values.description;
  return patch;
}

/** Pauses the whole queue with one account-level problem; the edit itself stays pending, untouched. */
function pause(ctx: PushContext, message: string): PushStep {
  setRefused(ctx.store.meta, message);
  return 'paused';
}

function fail(row: OutboxRow, ctx: PushContext, message: string): PushStep {
  return ctx.store.outbox.durably(() => {
    if (!unchanged(row, ctx.store.outbox)) return 'changed';
    ctx.store.outbox.update(row.id, {
      status: 'failed',
      error: message,
      nextAttemptAt: null,
      updatedAt: ctx.now(),
    });
    return 'failed';
  });
}

/** Maps a failed request onto the edit: see the outcome table in the issue ("Queued edits", point 3). */
function settleError(
  row: OutboxRow,
  attempts: number,
  error: unknown,
  stage: 'get' | 'patch',
  ctx: PushContext,
): PushStep {
  // Unreachable, too slow, or cancelled: the edit stays exactly as it is and the caller hears why.
  if (!isApiError(error) || ['cancelled', 'network', 'timeout'].includes(error.code)) throw error;
  switch (error.code) {
    case 'auth':
      setNeedsToken(ctx.store.meta, true);
      return 'paused';
    case 'forbidden':
      // Refused before any edit was asked for: API access is off for the account, not this edit's fault.
      if (stage === 'get') {
        const said = error.serverMessage === undefined ? '' : `: ${error.serverMessage}`;
        return pause(
          ctx,
          `The server refused API access (${error.status ?? 403}${said}); it may be switched off for this ` +
            `account. ${PAUSED_TAIL}`,
        );
      }
      setCanEdit(ctx.store.meta, false);
      return fail(row, ctx, FORBIDDEN_MESSAGE);
    case 'not_found':
      // Only the API's own 404 speaks of the recording; a proxy's page for every path speaks of no one.
      if (!isApiNotFound(error)) {
        return pause(
          ctx,
          `The server answered ${error.status ?? 404} with a page that is not the Screendesk API's ` +
            `(a proxy, or a wrong API URL?). ${PAUSED_TAIL}`,
        );
      }
      return fail(row, ctx, DELETED_MESSAGE);
    case 'validation':
      // The server may enforce rules the spec does not state: its own words tell the user what to fix.
      return fail(row, ctx, error.serverMessage ?? error.message);
    default:
      return ctx.store.outbox.durably(() => {
        if (!unchanged(row, ctx.store.outbox)) return 'changed';
        const wait = pushBackoffMs(attempts, ctx.random, error.retryAfterMs);
        ctx.store.outbox.update(row.id, {
          attempts,
          error: error.message,
          nextAttemptAt: ctx.now() + wait,
          updatedAt: ctx.now(),
        });
        return error.code === 'rate_limited' ? 'rate_limited' : 'transient';
      });
  }
}
