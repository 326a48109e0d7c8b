/** Where a sync is, for the status bar and the CLI's stderr. */
export interface SyncProgress {
  phase: 'pushing' | 'listing' | 'verifying' | 'removing' | 'done';
  /** Pages stored so far, and the total as the server last announced it (null until known). */
  pagesDone: number;
  pagesTotal: number | null;
  /** Distinct recordings of this walk stored so far. */
  records: number;
}

/** What a pull did to the cache. */
export interface PullResult {
  added: number;
  updated: number;
  removed: number;
  /** Recordings in the cache afterwards. */
  total: number;
  pages: number;
  /**
   * Recordings missing from the walk that were kept because the account changed while it ran and
   * there was no time to confirm each: the next sync settles them.
   */
  removalDeferred: number;
  /** Whether the account held still during the walk (then every missing recording is gone). */
  stable: boolean;
  /** What the server's pagination got wrong, for the log. */
  anomalies: string[];
}
