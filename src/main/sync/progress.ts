// What a sync reports while it runs is the contract's SyncProgress (the status bar and the CLI's stderr
// show it); what a pull did to the cache is main's own.
export type { SyncProgress } from '../../shared/contract';

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
