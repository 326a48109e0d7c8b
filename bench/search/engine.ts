// What the search benchmark times: three ways to answer the fixed query set over the same cache.
import type { BenchQuery } from './queries';

/** The first page of a list, as the app asks for it (src/main/search, DEFAULT_LIMIT). */
export { DEFAULT_LIMIT as PAGE_SIZE } from '../../src/main/search';

export interface SearchEngine {
  /** Answers `q`: the first page, and the total number of matches (returned). */
  search(q: BenchQuery): number;
  /**
   * What the engine reads in the background once started, as the app would while the window idles,
   * done at once; the milliseconds it took, or null when it reads nothing more.
   */
  settle(): Promise<number | null>;
  close(): void;
}

export type EngineName = 'fts' | 'minisearch' | 'like';

export const ENGINE_TITLES: Record<EngineName, string> = {
  fts: 'this project (SQLite FTS5)',
  minisearch: 'MiniSearch (in memory)',
  like: 'LIKE scan (same SQLite)',
};

/**
 * The text columns of our index (drizzle/0013_recordings_fts_v6.sql), as its source view names them:
 * the search layer's own list (it reads the same columns for snippets).
 */
export { SNIPPET_COLUMNS as TEXT_COLUMNS } from '../../src/main/search/highlight';
