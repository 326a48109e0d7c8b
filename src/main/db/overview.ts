// The overview's numbers, computed by SQLite over the cache: recordings per ISO week by type, a
// duration histogram and the most frequent sources. Aggregates only: no recording leaves the database.
// Its four queries run in one read transaction, so a sync writing meanwhile (the app's, or sdesk's in
// another process) cannot make the total disagree with the series.
import type { Database } from 'better-sqlite3';
import type { Overview } from '../../shared/contract';

const KNOWN_TYPES = ['Received', 'Sent', 'Live'] as const;
/** Most sources listed. */
const TOP_SOURCES = 10;
// A cache whose dates span more than ten years holds a nonsense date: fill no gaps then, or one bad
// value would make half a million empty weeks.
const MAX_FILLED_WEEKS = 520;

/** Duration buckets in seconds: [label, lower bound inclusive, upper bound exclusive]. */
const DURATION_BUCKETS: readonly [string, number, number][] = [
  ['< 1 min', 0, 60],
  ['1–5 min', 60, 300],
  ['5–15 min', 300, 900],
  ['15–60 min', 900, 3600],
  ['≥ 1 h', 3600, Number.POSITIVE_INFINITY],
];

// 'weekday 0' moves to the coming Sunday (staying put on a Sunday); six days back is that ISO
// week's Monday. Recordings without a date are left out of the weekly series.
const PER_WEEK_SQL = `
  SELECT date(created_at / 1000, 'unixepoch', 'weekday 0', '-6 days') AS week,
         recording_type AS type, count(*) AS n
  FROM recordings WHERE created_at IS NOT NULL
  GROUP BY week, type`;

const SOURCES_SQL = `
  SELECT source, count(*) AS n FROM recordings
  WHERE source IS NOT NULL AND trim(source) <> ''
  GROUP BY source ORDER BY n DESC, source ASC LIMIT ?`;

/** The overview of one account's cache, read from one snapshot. */
export function readOverview(sqlite: Database): Overview {
  return sqlite.transaction(() => {
    const total = sqlite.prepare('SELECT count(*) FROM recordings').pluck().get() as number;
    return { perWeek: perWeek(sqlite), durations: durations(sqlite), topSources: topSources(sqlite), total };
  })();
}

function perWeek(sqlite: Database): Overview['perWeek'] {
  const rows = sqlite.prepare(PER_WEEK_SQL).all() as {
    week: string | null;
    type: string | null;
    n: number;
  }[];
  const weeks = new Map<string, Overview['perWeek'][number]>();
  for (const row of rows) {
    if (row.week === null) continue;
    const entry = weeks.get(row.week) ?? { week: row.week, Received: 0, Sent: 0, Live: 0, other: 0 };
    const type = (KNOWN_TYPES as readonly (string | null)[]).includes(row.type)
      ? (row.type as (typeof KNOWN_TYPES)[number])
      : 'other';
    entry[type] += row.n;
    weeks.set(row.week, entry);
  }
  const sorted = [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
  return fillGaps(sorted);
}

/** Inserts the weeks without recordings between the first and the last, so a chart's axis is even. */
function fillGaps(sorted: Overview['perWeek']): Overview['perWeek'] {
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return sorted;
  const day = 86_400_000;
  const start = Date.parse(`${first.week}T00:00:00Z`);
  const end = Date.parse(`${last.week}T00:00:00Z`);
  if (!Number.isFinite(start) || !Number.isFinite(end) || (end - start) / (7 * day) > MAX_FILLED_WEEKS) {
    return sorted;
  }
  const byWeek = new Map(sorted.map((w) => [w.week, w]));
  const out: Overview['perWeek'] = [];
  for (let t = start; t <= end; t += 7 * day) {
    const week = new Date(t).toISOString().slice(0, 10);
    out.push(byWeek.get(week) ?? { week, Received: 0, Sent: 0, Live: 0, other: 0 });
  }
  return out;
}

function durations(sqlite: Database): Overview['durations'] {
  // One CASE per bucket, in one pass over the table.
  const cases = DURATION_BUCKETS.map(
    ([, lo, hi], i) =>
      `sum(CASE WHEN duration >= ${lo}${Number.isFinite(hi) ? ` AND duration < ${hi}` : ''} THEN 1 ELSE 0 END) AS b${i}`,
  ).join(', ');
  const row = sqlite
    .prepare(`SELECT ${cases} FROM recordings WHERE duration IS NOT NULL AND duration >= 0`)
    .get() as Record<string, number | null> | undefined;
  return DURATION_BUCKETS.map(([label], i) => ({ label, count: row?.[`b${i}`] ?? 0 }));
}

function topSources(sqlite: Database): Overview['topSources'] {
  const rows = sqlite.prepare(SOURCES_SQL).all(TOP_SOURCES) as { source: string; n: number }[];
  return rows.map((r) => ({ source: r.source, count: r.n }));
}
