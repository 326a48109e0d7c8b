// What the window reads of the active account's cache, on a connection of its own: the reader thread
// (src/main/threads/reader-thread.ts) answers searches and the detail view with it while the service's
// thread syncs. The same queries as AccountSession's, on a read-only connection (db/open-reader.ts).
import type { RecordingDetail } from '../shared/contract';
import type { AccountDb, OutboxRepo } from './db';
import { createOutboxRepo, openAccountDbForReading } from './db';
import { overlayHits, showRecording } from './outbox';
import { searchRecordings } from './search';
import type { SearchRequest } from './search';
import type { SearchPage } from './session';

/** The reads both the session and the reader serve: one search page, one recording. */
export interface CacheReads {
  search(req: SearchRequest): SearchPage;
  show(uuid: string): RecordingDetail | undefined;
}

/** Which account's cache: enough for another thread to open it. */
export interface CacheRef {
  dataDir: string;
  accountId: string;
}

/** One page of a search, each hit with its queued edit laid over and that edit's state. */
export function searchPage(db: AccountDb, outbox: OutboxRepo, req: SearchRequest): SearchPage {
  const response = searchRecordings(db, req);
  return { ...response, results: overlayHits(outbox, response.results) };
}

/** A read-only view of one account's cache. */
export class CacheReader implements CacheReads {
  readonly accountId: string;
  readonly #db: AccountDb;
  readonly #outbox: OutboxRepo;

  constructor(ref: CacheRef) {
    this.accountId = ref.accountId;
    this.#db = openAccountDbForReading(ref);
    this.#outbox = createOutboxRepo(this.#db.sqlite);
  }

  search(req: SearchRequest): SearchPage {
    return searchPage(this.#db, this.#outbox, req);
  }

  show(uuid: string): RecordingDetail | undefined {
    return showRecording(this.#db.recordings, this.#outbox, uuid);
  }

  close(): void {
    this.#db.close();
  }
}
