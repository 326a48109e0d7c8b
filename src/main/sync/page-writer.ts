// Writes fetched pages to the cache without holding up the fetching. A page request's slot is free again
// as soon as its answer has arrived; the answer waits here, and the pages that have gathered are stored
// in one transaction (one index flush and one commit per batch instead of per page): at least
// MIN_BATCH_PAGES of them, fewer once the oldest has waited MAX_WAIT_MS or the walk is over. A page is
// never split across transactions, so an interrupted sync still leaves only whole pages behind.
import type { UpsertResult } from '../db';

/** Stores a batch of server records in one transaction (RecordingsRepo.upsertPage). */
export type StoreBatch = (records: readonly unknown[]) => UpsertResult;

// Pages waiting beyond this make the next fetch wait for the writer (memory stays bounded).
const MAX_QUEUED_PAGES = 16;
// A transaction of several pages costs clearly less per record than one per page (benchmarked).
const MIN_BATCH_PAGES = 4;
const MAX_WAIT_MS = 200;

interface Queued {
  records: readonly unknown[];
  onStored: (result: UpsertResult) => void;
}

/** Coalesces pages into transactions; see the module comment. */
export class PageWriter {
  #queue: Queued[] = [];
  #scheduled = false;
  #timer: NodeJS.Timeout | null = null;
  #overdue = false; // the oldest waiting page has waited MAX_WAIT_MS
  #ending = false; // drain() was called: no more pages are coming to fill a batch
  #failure: { error: unknown } | null = null;
  #idle: (() => void)[] = [];
  #room: (() => void)[] = [];

  constructor(private readonly store: StoreBatch) {}

  /**
   * Queues a page; `onStored` runs once it is in the cache. Resolves when there is room for more (so the
   * caller can fetch the next page); rejects once a write has failed.
   */
  async enqueue(records: readonly unknown[], onStored: (result: UpsertResult) => void): Promise<void> {
    this.#throwIfFailed();
    this.#queue.push({ records, onStored });
    this.#schedule();
    while (this.#queue.length > MAX_QUEUED_PAGES && this.#failure === null) {
      await new Promise<void>((resolve) => this.#room.push(resolve));
    }
    this.#throwIfFailed();
  }

  /** Resolves when every queued page is stored; rejects with the first write failure. */
  async drain(): Promise<void> {
    this.#ending = true;
    this.#schedule();
    while (this.#queue.length > 0 && this.#failure === null) {
      await new Promise<void>((resolve) => this.#idle.push(resolve));
    }
    this.#throwIfFailed();
  }

  #throwIfFailed(): void {
    if (this.#failure !== null) throw this.#failure.error;
  }

  #schedule(): void {
    if (this.#scheduled || this.#queue.length === 0) return;
    if (this.#queue.length < MIN_BATCH_PAGES && !this.#ending && !this.#overdue) {
      this.#timer ??= setTimeout(() => {
        this.#timer = null;
        this.#overdue = true;
        this.#schedule();
      }, MAX_WAIT_MS);
      return;
    }
    this.#scheduled = true;
    // Two turns of the event loop, not a microtask: the answers that arrived meanwhile are queued and join
    // the batch, and the requests their slots freed are on the wire before the write blocks the thread.
    // One turn is not enough: undici checks a reused keep-alive socket in a setImmediate of its own
    // before it writes the request (client-h1.js), and a write scheduled first would hold that request
    // back for its whole duration, leaving the network idle (measured: 2.8 s instead of 1.8-2.0 s for the
    // sync benchmark).
    setImmediate(() => setImmediate(() => this.#write()));
  }

  #write(): void {
    this.#scheduled = false;
    this.#overdue = false;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const batch = this.#queue;
    this.#queue = [];
    try {
      if (batch.length > 0) {
        const result = this.store(batch.flatMap((q) => q.records));
        // The batch's counts, attributed to its first page: callers only ever sum them.
        batch.forEach((q, i) =>
          q.onStored(i === 0 ? result : { added: 0, updated: 0, unchanged: 0, skipped: 0 }),
        );
      }
    } catch (error) {
      this.#failure = { error };
    }
    for (const wake of this.#room.splice(0)) wake();
    if (this.#queue.length > 0 && this.#failure === null) this.#schedule();
    else for (const wake of this.#idle.splice(0)) wake();
  }
}
