// The fixed query set every search benchmark times (store-bench.ts, search-bench.ts), and what each
// query asks in plain terms (plan.ts), so the alternatives answer the same questions.
import type { SearchSort } from '../../src/main/search';
import type { Recording } from '../../src/shared/screendesk-api';

export interface BenchQuery {
  query: string;
  sort?: SearchSort;
  /** A two-word query with a qualifier: the ≤ 8 ms goal of issue 13 is about these. */
  qualified?: boolean;
}

/** The set, with a ticket id that exists in `records` (the demo data of seed 7). */
export function benchQueries(records: readonly Recording[]): BenchQuery[] {
  const ticket = records.find((r) => r.metadata?.helpdesk_info?.ticket_id)?.metadata?.helpdesk_info
    ?.ticket_id;
  return [
    { query: '' },
    { query: 'login safari type:sent', qualified: true },
    { query: 'checkout button platform:zendesk', qualified: true },
    { query: 'invoice vat created:>2026-06-01', qualified: true },
    { query: 'upload stuck duration:<120', qualified: true },
    { query: 'upload stuck' },
    { query: 'upload stuck', sort: 'newest' },
    { query: 'cafe lumiere' },
    { query: '"charts are blank"' },
    { query: 'customer:hana' },
    { query: 'user:sato -type:live' },
    { query: 'typeerror has:logs' },
    { query: `ticket:${ticket ?? '1'}` },
    { query: 'duration:>600', sort: 'longest' },
    { query: 'type:live -platform:jira', sort: 'oldest' },
    { query: 'error' },
    // The word being typed: a prefix from its first letter (drizzle/0013_recordings_fts_v6.sql).
    { query: 'checkout b platform:zendesk', qualified: true },
    { query: 'login sa type:sent', qualified: true },
    { query: 'upload s duration:<120', qualified: true },
    { query: 'c' },
    { query: 'ch' },
    // CJK text by part of a word (the `cjk` bigram column).
    { query: 'ログイン' },
    { query: '页面 type:received', qualified: true },
  ];
}

/** A query's name in a table: the text, and its sort when it has one. */
export function queryLabel(q: BenchQuery): string {
  return JSON.stringify(q.query) + (q.sort ? ` (${q.sort})` : '');
}
