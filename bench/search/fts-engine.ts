// This project's search: the account cache's FTS5 index through the search layer, as the app asks it.
import { openAccountDb } from '../../src/main/db';
import { searchRecordings } from '../../src/main/search';
import { BENCH_ACCOUNT } from '../lib/cache';
import type { SearchEngine } from './engine';

export function openFtsEngine(dataDir: string): SearchEngine {
  const adb = openAccountDb({ dataDir, accountId: BENCH_ACCOUNT });
  return {
    search: (q) => searchRecordings(adb, { query: q.query, sort: q.sort }).total,
    close: () => adb.close(),
  };
}
