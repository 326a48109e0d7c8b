// The in-memory alternative: MiniSearch over the same fields as our index (the index's own source view:
// title, summary, description, customer, agent, helpdesk and technical details, logs, the CJK bigrams),
// folded as our tokenizer folds (case and accents), every word a prefix as in the app; the qualifiers'
// columns are stored in the index and filter its results. It is rebuilt from the cache at every start:
// an in-memory index has nothing to open. Phrases are the AND of their words (MiniSearch has no
// phrases), so it may find more than the app for those.
import type Database from 'better-sqlite3';
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { openAccountDb } from '../../src/main/db';
import { foldText } from '../../src/shared/fold';
import { BENCH_ACCOUNT } from '../lib/cache';
import { TEXT_COLUMNS, type SearchEngine } from './engine';
import { planQuery, type Filter, type Plan } from './plan';

interface Doc {
  id: number;
  title: string | null;
  summary: string | null;
  description: string | null;
  customer: string | null;
  agent: string | null;
  details: string | null;
  logs: string | null;
  cjk: string | null;
  recording_type: string | null;
  platform: string | null;
  customer_email: string | null;
  user_name: string | null;
  user_email: string | null;
  created_at: number | null;
  duration: number | null;
  has_logs: number;
  tickets: string | null;
}

const STORED = [
  'recording_type',
  'platform',
  'customer_email',
  'user_name',
  'user_email',
  'created_at',
  'duration',
  'has_logs',
  'tickets',
] as const;

/** Every cached recording with the index's text and the qualifiers' columns, from the cache. */
function readDocs(sqlite: Database.Database): Doc[] {
  return sqlite
    .prepare(
      `SELECT v.id, v.title, v.summary, v.description, v.customer, v.agent, v.details, v.logs, v.cjk,
              lower(r.recording_type) AS recording_type, lower(r.platform) AS platform, r.customer_email,
              r.user_name, r.user_email, r.created_at, r.duration, r.has_logs,
              (SELECT group_concat(t.ticket_id, ' ') FROM recording_tickets t WHERE t.recording_id = r.id) AS tickets
       FROM recordings r JOIN recordings_fts_source v ON v.id = r.id`,
    )
    .all() as Doc[];
}

function buildIndex(docs: readonly Doc[]): MiniSearch<Doc> {
  const index = new MiniSearch<Doc>({
    fields: [...TEXT_COLUMNS, 'cjk'],
    storeFields: [...STORED],
    processTerm: (term) => foldText(term),
  });
  index.addAll(docs);
  return index;
}

type Stored = SearchResult & Partial<Record<(typeof STORED)[number], unknown>>;

function text(v: unknown): string {
  return typeof v === 'string' ? v.toLowerCase() : '';
}

function passes(r: Stored, f: Filter): boolean {
  switch (f.kind) {
    case 'equals':
      return (r[f.column] === f.value) !== f.negate;
    case 'contains':
      return f.columns.some((c) => text(r[c]).includes(f.value));
    case 'ticket':
      return text(r.tickets).split(' ').includes(f.value);
    case 'range': {
      const v = r[f.column];
      return typeof v === 'number' && (f.op === '>' ? v > f.value : v < f.value);
    }
    case 'hasLogs':
      return r.has_logs === 1;
  }
}

function bigrams(word: string): string[] {
  const chars = Array.from(word);
  if (chars.length < 2) return chars;
  return chars.slice(0, -1).map((c, i) => c + (chars[i + 1] ?? ''));
}

/** The MiniSearch query of a plan: every word (and each CJK word's bigrams, in `cjk`) must match. */
function miniQuery(plan: Plan): Query {
  const words = [...plan.words, ...plan.phrases.flat()];
  const queries: Query[] = words.map((w) => ({ queries: [w], fields: [...TEXT_COLUMNS] }));
  for (const w of plan.cjk) queries.push({ queries: bigrams(w), fields: ['cjk'], combineWith: 'AND' });
  return queries.length === 0 ? MiniSearch.wildcard : { queries, combineWith: 'AND' };
}

const SORTS: Record<string, (a: Stored, b: Stored) => number> = {
  newest: (a, b) => Number(b.created_at ?? 0) - Number(a.created_at ?? 0),
  oldest: (a, b) => Number(a.created_at ?? 0) - Number(b.created_at ?? 0),
  longest: (a, b) => Number(b.duration ?? 0) - Number(a.duration ?? 0),
};

/** Searches a built index as the app lists: the first page in the asked order, and the count. */
function miniSearchEngine(index: MiniSearch<Doc>, close: () => void): SearchEngine {
  return {
    search(q) {
      const plan = planQuery(q.query);
      const results = index.search(miniQuery(plan), {
        prefix: true,
        filter: plan.filters.length === 0 ? undefined : (r) => plan.filters.every((f) => passes(r, f)),
      }) as Stored[];
      // A list without words is newest first in the app, as with the explicit sort.
      const sort = SORTS[q.sort ?? (plan.words.length + plan.cjk.length === 0 ? 'newest' : '')];
      if (sort) results.sort(sort); // then the app would show results.slice(0, PAGE_SIZE)
      return results.length;
    },
    settle: () => Promise.resolve(null),
    close,
  };
}

export interface OpenedMiniSearch {
  engine: SearchEngine;
  /** Reading every recording's text from the cache (ms). */
  readMs: number;
  /** Building the index from it (ms). */
  buildMs: number;
}

/** Opens the cache, reads it and builds the index: what an app on MiniSearch does at every start. */
export function openMiniSearchEngine(dataDir: string): OpenedMiniSearch {
  const adb = openAccountDb({ dataDir, accountId: BENCH_ACCOUNT });
  const t0 = performance.now();
  const docs = readDocs(adb.sqlite);
  const t1 = performance.now();
  const index = buildIndex(docs);
  const t2 = performance.now();
  return { engine: miniSearchEngine(index, () => adb.close()), readMs: t1 - t0, buildMs: t2 - t1 };
}
