// This project's search: the account cache's FTS5 index through the search layer, as the app asks it.
import { openAccountDb } from '../../src/main/db';
import { performance } from 'node:perf_hooks';
import { searchRecordings } from '../../src/main/search';
import { readRankColumns } from '../../src/main/search/rank-columns';
import { BENCH_ACCOUNT } from '../lib/cache';
import type { SearchEngine } from './engine';

export function openFtsEngine(dataDir: string): SearchEngine {
  const adb = openAccountDb({ dataDir, accountId: BENCH_ACCOUNT });
  return {
    search: (q) => searchRecordings(adb, { query: q.query, sort: q.sort }).total,
    // The rank columns (src/main/search/rank-columns.ts), which the search reads once the cache is still.
    settle: async () => {
      const t0 = performance.now();
      if (!(await readRankColumns(adb.sqlite))) throw new Error('The rank columns could not be read');
      return performance.now() - t0;
    },
    close: () => adb.close(),
  };
}
