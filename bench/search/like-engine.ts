// The alternative without an index: a LIKE scan over the same SQLite cache. Every word must be inside
// one of the text fields our index holds (read from the index's own source view, so the same text),
// qualifiers become WHERE terms on the recordings' columns, and one statement returns the first page
// and the count. LIKE matches anywhere in a word, not from its start (so it may find more), folds ASCII
// case only (no accents), and has no relevance: a text query is listed newest first.
import type Database from 'better-sqlite3';
import { openAccountDb } from '../../src/main/db';
import { BENCH_ACCOUNT } from '../lib/cache';
import { PAGE_SIZE, TEXT_COLUMNS, type SearchEngine } from './engine';
import { planQuery, type Filter } from './plan';
import type { BenchQuery } from './queries';

const ORDER: Record<string, string> = {
  newest: 'r.created_at DESC',
  oldest: 'r.created_at ASC',
  longest: 'r.duration DESC',
};

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function anyTextColumn(): string {
  return `(${TEXT_COLUMNS.map((c) => `v.${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`;
}

function filterSql(f: Filter, params: unknown[]): string {
  switch (f.kind) {
    case 'equals':
      params.push(f.value);
      return `${f.negate ? 'NOT ' : ''}coalesce(lower(r.${f.column}) = ?, 0)`;
    case 'contains':
      for (const _ of f.columns) params.push(likePattern(f.value));
      return `(${f.columns.map((c) => `r.${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`;
    case 'ticket':
      params.push(f.value);
      return 'EXISTS (SELECT 1 FROM recording_tickets t WHERE t.recording_id = r.id AND t.ticket_id = ?)';
    case 'range':
      params.push(f.value);
      return `r.${f.column} ${f.op} ?`;
    case 'hasLogs':
      return 'r.has_logs = 1';
  }
}

/** The statement and its parameters for `q`. */
function likeSql(q: BenchQuery): { sql: string; params: unknown[] } {
  const plan = planQuery(q.query);
  const params: unknown[] = [];
  const where: string[] = [];
  for (const text of [...plan.words, ...plan.cjk, ...plan.phrases.map((p) => p.join(' '))]) {
    for (const _ of TEXT_COLUMNS) params.push(likePattern(text));
    where.push(anyTextColumn());
  }
  for (const f of plan.filters) where.push(filterSql(f, params));
  const sql =
    'SELECT r.id, count(*) OVER () AS total FROM recordings r JOIN recordings_fts_source v ON v.id = r.id' +
    (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY ${ORDER[q.sort ?? 'newest'] ?? ORDER['newest']} LIMIT ${PAGE_SIZE}`;
  return { sql, params };
}

export function openLikeEngine(dataDir: string): SearchEngine {
  const adb = openAccountDb({ dataDir, accountId: BENCH_ACCOUNT });
  const statements = new Map<string, Database.Statement>();
  return {
    search(q) {
      const { sql, params } = likeSql(q);
      let stmt = statements.get(sql);
      if (!stmt) statements.set(sql, (stmt = adb.sqlite.prepare(sql)));
      const rows = stmt.all(...params) as { total: number }[];
      return rows[0]?.total ?? 0;
    },
    settle: () => Promise.resolve(null),
    close: () => adb.close(),
  };
}
