// One account's queue of edits, as the session exposes it: queue, list, decide, and the overlay that makes
// a queued edit visible at once. Pushing lives in sync/push.ts.
import type { OutboxCounts, OutboxItem, RecordingDetail } from '../../shared/contract';
import type { AccountDb } from '../db';
import type { QueuePause } from './account-flags';
import { canEdit, needsToken, queuePause } from './account-flags';
import type { ConflictChoice } from './decide';
import { discardEdit, resolveEdit, retryEdit } from './decide';
import { overlay } from './fields';
import { toOutboxItem } from './item';
import { findCached, queueEdit } from './queue';
import type { OutboxRepo } from './repo';
import { createOutboxRepo } from './repo';

/** The queued edits of one account's cache. */
export class Outbox {
  readonly repo: OutboxRepo;

  constructor(
    private readonly adb: AccountDb,
    private readonly now: () => number = Date.now,
  ) {
    this.repo = createOutboxRepo(adb.sqlite);
  }

  /**
   * Validates and queues an edit (merging into the recording's open one); durable when it returns.
   * `from`: the values the editor started from. Null when no field of the edit is left.
   */
  queueEdit(uuid: string, fields: unknown, from?: unknown): OutboxItem | null {
    const row = queueEdit(this.repo, this.adb.recordings, uuid, fields, this.now(), from);
    return row === undefined ? null : toOutboxItem(row);
  }

  /** Pending, failed and conflicting edits, oldest first. */
  list(): OutboxItem[] {
    return this.repo.listOpen().map(toOutboxItem);
  }

  /** How many edits are pending, failed, conflicting. */
  counts(): OutboxCounts {
    return this.repo.counts();
  }

  /** Re-queues a failed or conflicting edit (a pending one becomes due now). */
  retry(id: number): void {
    retryEdit(this.repo, id, this.now());
  }

  /** Drops an edit. */
  discard(id: number): void {
    discardEdit(this.repo, id);
  }

  /** Settles a conflict. */
  resolve(id: number, choice: ConflictChoice): void {
    resolveEdit(this.repo, id, choice, this.now());
  }

  /** The cached recording overlaid with its open edit, or undefined when it is not cached. */
  show(uuid: string): RecordingDetail | undefined {
    const cached = findCached(this.adb.recordings, uuid);
    if (cached === undefined) return undefined;
    const open = this.repo.openFor(cached.uuid);
    return open === undefined
      ? { recording: cached.record, server: cached.record, local: null }
      : { recording: overlay(cached.record, open.fields), server: cached.record, local: toOutboxItem(open) };
  }

  /** False after the server refused an edit with 403, true after one went through, else null. */
  canEdit(): boolean | null {
    return canEdit(this.adb.meta);
  }

  /** True while the queue waits for a valid token (the server answered 401). */
  needsToken(): boolean {
    return needsToken(this.adb.meta);
  }

  /** Why the whole queue waits (401, or an account-wide refusal), or null when it does not. */
  queuePause(): QueuePause | null {
    const pause = queuePause(this.adb.meta);
    // A refusal pauses edits; with none pending (all discarded meanwhile) nothing waits on it.
    if (pause?.reason === 'refused' && this.repo.counts().pending === 0) return null;
    return pause;
  }
}
