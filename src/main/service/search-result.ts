// The search module's answer as the contract's SearchResult: the parsed query stays behind, and each
// hit learns the state of its queued edit (pending, failed, conflict) for the list's badge.
import type { Database } from 'better-sqlite3';
import type { SearchResult } from '../../shared/contract';
import type { SearchResponse } from '../search';

// The most urgent state wins when a recording has several open edits.
const LOCAL_SQL = `
  SELECT uuid, CASE max(CASE status WHEN 'conflict' THEN 3 WHEN 'failed' THEN 2 ELSE 1 END)
    WHEN 3 THEN 'conflict' WHEN 2 THEN 'failed' ELSE 'pending' END AS local
  FROM outbox WHERE status <> 'done' AND uuid IN (SELECT value FROM json_each(?))
  GROUP BY uuid`;

type LocalState = 'pending' | 'failed' | 'conflict';

/** Maps a SearchResponse for the renderer, looking up the open edits of the page's recordings. */
export function toSearchResult(sqlite: Database, response: SearchResponse): SearchResult {
  const edited = response.results.filter((h) => h.edited).map((h) => h.uuid);
  const local = new Map<string, LocalState>();
  if (edited.length > 0) {
    const rows = sqlite.prepare(LOCAL_SQL).all(JSON.stringify(edited)) as {
      uuid: string;
      local: LocalState;
    }[];
    for (const row of rows) local.set(row.uuid, row.local);
  }
  return {
    total: response.total,
    sort: response.sort,
    reason: response.reason,
    results: response.results.map((hit) => ({ ...hit, local: local.get(hit.uuid) ?? null })),
  };
}
