// Which queued edits newly failed or conflicted since we last looked: those get an 'outbox:problem'
// event (and a desktop notification in the app), once per change of state, never again per refresh.
// The one report of it: told by comparing the queue, not by the push, it also notices an edit that sdesk
// failed in another process.
import type { OutboxItem } from '../../shared/contract';

/** Remembers the last seen state of each open edit. */
export class ProblemTracker {
  #seen = new Map<number, OutboxItem['status']>();

  /** Takes the current edits as known, without reporting them (at start: the user saw them before). */
  prime(items: OutboxItem[]): void {
    this.#seen = new Map(items.map((i) => [i.id, i.status]));
  }

  /** The edits whose state became failed or conflict since the last call; updates what is known. */
  newProblems(items: OutboxItem[]): OutboxItem[] {
    const fresh = items.filter((i) => i.status !== 'pending' && this.#seen.get(i.id) !== i.status);
    this.prime(items);
    return fresh;
  }
}

/** The sentence shown for a problem edit. */
export function problemMessage(item: OutboxItem): string {
  const what = item.recordingTitle ? `“${item.recordingTitle}”` : `recording ${item.uuid}`;
  if (item.status === 'conflict') {
    return `Your edit of ${what} conflicts with a change made on the server.`;
  }
  return `Your edit of ${what} was not accepted${item.error ? `: ${item.error}` : '.'}`;
}
