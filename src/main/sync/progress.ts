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
   * Cached recordings the walk did not see that are kept unconfirmed: the walk could not prove they are
   * gone, and asking for each one by one was refused or has not happened yet. A later sync checks them.
   */
  kept: number;
  /** Cached recordings the walk did not see but the server still has (asked for one by one). */
  confirmed: number;
  /** Why recordings the walk did not see were checked one by one, and why some are kept; null if none. */
  keptReason: string | null;
  /** Whether the walk proved it saw every recording of the account (then the unseen ones are gone). */
  complete: boolean;
  /** What the server's pagination got wrong, for the log. */
  anomalies: string[];
}
