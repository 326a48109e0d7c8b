// Percentiles and medians for every benchmark: one definition, so "p95" means the same in every table.
// Nearest-rank on a sorted copy (no interpolation): a p99 of 40 samples is their largest, said plainly.

/** The p-th percentile (0–100) of `values`, nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

/** The median of `values` (the mean of the middle two for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

export interface Spread {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** p50, p95, p99 and the largest of `values`. */
export function spread(values: readonly number[]): Spread {
  return {
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
  };
}

/** The median of each field over several runs' spreads: a figure of the table is one run's, not a mix. */
export function medianSpread(runs: readonly Spread[]): Spread {
  return {
    p50: median(runs.map((s) => s.p50)),
    p95: median(runs.map((s) => s.p95)),
    p99: median(runs.map((s) => s.p99)),
    max: median(runs.map((s) => s.max)),
  };
}

/** Milliseconds as the tables show them: one decimal below 100, whole above. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value < 100 ? value.toFixed(1) : String(Math.round(value));
}

/** A ratio as the tables show it ("1.43×"), or a dash when it cannot be taken. */
export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '—';
}

/** A whole number with thousands separators ("100,000"). */
export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—';
}
