// The Overview's charts from the cache's statistics, plus the sentences that describe each chart for
// people who cannot see it (the canvas carries them as its accessible name).
import type { Overview } from '@shared/contract';
import { RECORDING_TYPES } from '@shared/screendesk-api';

/** A chart's data: labels along the axis and one or more series. */
export interface ChartData {
  labels: string[];
  series: { name: string; values: number[] }[];
}

const TYPES = [...RECORDING_TYPES, 'other'] as const;

/** Recordings per week, one series per type (types that never occur are left out). */
export function weeklyChart(o: Overview, formatWeek: (isoDay: string) => string): ChartData {
  const labels = o.perWeek.map((w) => formatWeek(w.week));
  const series = TYPES.map((t) => ({
    name: t === 'other' ? 'Other' : t,
    values: o.perWeek.map((w) => w[t]),
  })).filter((s) => s.values.some((v) => v > 0));
  return { labels, series };
}

/** Recordings by duration bucket. */
export function durationChart(o: Overview): ChartData {
  return {
    labels: o.durations.map((d) => d.label),
    series: [{ name: 'Recordings', values: o.durations.map((d) => d.count) }],
  };
}

/** Recordings by source, most frequent first. */
export function sourcesChart(o: Overview): ChartData {
  return {
    labels: o.topSources.map((s) => s.source),
    series: [{ name: 'Recordings', values: o.topSources.map((s) => s.count) }],
  };
}

/** One sentence summarising a single-series chart, e.g. "Most: Zendesk Ticket (120). Then …". */
export function describeBars(what: string, data: ChartData, formatCount: (n: number) => string): string {
  const values = data.series[0]?.values ?? [];
  if (values.length === 0) return `${what}: no data.`;
  const parts = data.labels.map((l, i) => `${l}: ${formatCount(values[i] ?? 0)}`);
  return `${what}. ${parts.join('; ')}.`;
}

/** A sentence summarising the weekly chart: span, total per type and the busiest week. */
export function describeWeekly(data: ChartData, formatCount: (n: number) => string): string {
  if (data.labels.length === 0) return 'Recordings per week: no data.';
  const totals = data.series.map((s) => `${s.name} ${formatCount(s.values.reduce((a, b) => a + b, 0))}`);
  const weekly = data.labels.map((_, i) => data.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  let busiest = 0;
  weekly.forEach((v, i) => {
    if (v > (weekly[busiest] ?? 0)) busiest = i;
  });
  return (
    `Recordings per week from ${data.labels[0]} to ${data.labels[data.labels.length - 1]}, by type: ` +
    `${totals.join(', ')}. Busiest week: ${data.labels[busiest]} with ${formatCount(weekly[busiest] ?? 0)}.`
  );
}
