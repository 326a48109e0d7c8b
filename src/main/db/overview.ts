// The overview's numbers, computed by SQLite over the cache: recordings per ISO week by type, a
// duration histogram and the most frequent sources. Aggregates only: no recording leaves the database.
// It is one statement, so it reads one snapshot: a sync writing meanwhile (the app's, or sdesk's in
// another process) cannot make the total disagree with the series. Each part comes back as JSON.
import type { Database } from 'better-sqlite3';
import type { Overview } from '../../shared/contract';
import { RECORDING_TYPES } from '../../shared/screendesk-api';

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
const PER_WEEK = `
  SELECT date(created_at / 1000, 'unixepoch', 'weekday 0', '-6 days') AS week,
         recording_type AS type, count(*) AS n
  FROM recordings WHERE created_at IS NOT NULL
  GROUP BY week, type`;

// One CASE per bucket, in one pass over the table.
const DURATIONS = `
  SELECT ${DURATION_BUCKETS.map(
    ([, lo, hi], i) =>
      `sum(CASE WHEN duration >= ${lo}${Number.isFinite(hi) ? ` AND duration < ${hi}` : ''} THEN 1 ELSE 0 END) AS b${i}`,
  ).join(', ')}
  FROM recordings WHERE duration IS NOT NULL AND duration >= 0`;

const SOURCES = `
  SELECT source, count(*) AS n FROM recordings
  WHERE source IS NOT NULL AND trim(source) <> ''
  GROUP BY source ORDER BY n DESC, source ASC LIMIT ${TOP_SOURCES}`;

const OVERVIEW_SQL = `
  SELECT (SELECT count(*) FROM recordings) AS total,
         (SELECT json_group_array(json_array(week, type, n)) FROM (${PER_WEEK})) AS perWeek,
         (SELECT json_array(${DURATION_BUCKETS.map((_, i) => `b${i}`).join(', ')}) FROM (${DURATIONS})) AS durations,
         (SELECT json_group_array(json_array(source, n)) FROM (${SOURCES})) AS topSources`;

/** The overview of one account's cache, read in one statement (one snapshot). */
export function readOverview(sqlite: Database): Overview {
  const row = sqlite.prepare(OVERVIEW_SQL).get() as {
    total: number;
    perWeek: string;
    durations: string;
    topSources: string;
  };
  return {
    total: row.total,
    perWeek: perWeek(JSON.parse(row.perWeek) as [string | null, string | null, number][]),
    durations: DURATION_BUCKETS.map(([label], i) => ({
      label,
      count: (JSON.parse(row.durations) as (number | null)[])[i] ?? 0,
    })),
    topSources: (JSON.parse(row.topSources) as [string, number][]).map(([source, count]) => ({
      source,
      count,
    })),
  };
}

function perWeek(rows: [week: string | null, type: string | null, n: number][]): Overview['perWeek'] {
  const weeks = new Map<string, Overview['perWeek'][number]>();
  for (const [week, type, n] of rows) {
    if (week === null) continue;
    const entry = weeks.get(week) ?? { week, Received: 0, Sent: 0, Live: 0, other: 0 };
    const known = RECORDING_TYPES.find((t) => t === type);
    entry[known ?? 'other'] += n;
    weeks.set(week, entry);
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
