// The relevance order of a query's matches computed from the rows themselves, for tests that check a
// search's shortcuts against it: the score of src/main/search/rank.ts (10 per word in the folded title,
// 5 in the folded summary, as substrings), then newest first (no time last), then the larger id.
import type { AccountDb } from '../../src/main/db';
import { searchRecordings } from '../../src/main/search';
import { foldText } from '../../src/shared/fold';

interface Row {
  id: number;
  uuid: string;
  created_at: number | null;
  title_folded: string | null;
  summary_folded: string | null;
}

/** Every match of `query`, in any order (the newest order is its own statement, not a shortcut). */
function matches(adb: AccountDb, query: string): Set<string> {
  const all = new Set<string>();
  for (let offset = 0; ; offset += 1000) {
    const page = searchRecordings(adb, { query, sort: 'newest', limit: 1000, offset }).results;
    for (const hit of page) all.add(hit.uuid);
    if (page.length < 1000) return all;
  }
}

/** The uuids of `query`'s matches in relevance order, `words` being its words as typed. */
export function expectedOrder(adb: AccountDb, query: string, words: readonly string[]): string[] {
  const found = matches(adb, query);
  const rows = adb.sqlite
    .prepare('SELECT id, uuid, created_at, title_folded, summary_folded FROM recordings')
    .all() as Row[];
  const terms = words.map((w) => foldText(w));
  const score = (r: Row): number =>
    terms.reduce(
      (s, t) =>
        s + ((r.title_folded ?? '').includes(t) ? 10 : 0) + ((r.summary_folded ?? '').includes(t) ? 5 : 0),
      0,
    );
  return rows
    .filter((r) => found.has(r.uuid))
    .map((r) => ({ r, s: score(r) }))
    .sort(
      (a, b) => b.s - a.s || (b.r.created_at ?? -Infinity) - (a.r.created_at ?? -Infinity) || b.r.id - a.r.id,
    )
    .map((x) => x.r.uuid);
}
