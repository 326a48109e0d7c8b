// Filter chips ↔ query text. The search box holds the whole query; a chip is a view of one qualifier
// in it (type:, platform:, created:, duration:). Choosing a chip value rewrites that qualifier in the
// text and leaves everything else as typed; typing a qualifier by hand shows up on its chip. The query
// is cut by the search's own lexer (src/shared/query-lex.ts), so a chip shows exactly the value the
// search filters by: none for a qualifier beyond the search's term limit, values cut where it cuts them.
import { lex, MAX_TERMS, quoteValue } from '@shared/query-lex';
import {
  HELPDESK_PLATFORMS,
  PLATFORM_LABELS,
  RECORDING_TYPE_LABELS,
  RECORDING_TYPES,
} from '@shared/screendesk-api';

/** The qualifiers offered as chips. */
export type ChipKey = 'type' | 'platform' | 'created' | 'duration';

/** The value of the (last, non-negated) `key:` qualifier in the query, or null. */
export function readChip(query: string, key: ChipKey): string | null {
  let value: string | null = null;
  for (const t of lex(query)) if (t.key === key && !t.negated) value = t.value;
  return value;
}

/** `key:value`, quoting the value when it holds spaces or quotes would be needed. */
export function formatQualifier(key: ChipKey, value: string): string {
  return `${key}:${quoteValue(value)}`;
}

/**
 * The query with every non-negated `key:` qualifier replaced by `key:value` (or removed for null). The
 * new qualifier goes last, unless the query already holds as many terms as the search reads: then it
 * goes first, where the search still sees it (the words past the limit were ignored anyway).
 */
export function setChip(query: string, key: ChipKey, value: string | null): string {
  let out = '';
  let from = 0;
  for (const t of lex(query)) {
    if (t.key !== key || t.negated) continue;
    out += query.slice(from, t.start);
    from = t.end;
  }
  out += query.slice(from);
  const rest = out.replace(/\s+/g, ' ').trim();
  if (value === null || value.trim() === '') return rest;
  const q = formatQualifier(key, value.trim());
  if (rest === '') return q;
  return lex(rest).length >= MAX_TERMS ? `${q} ${rest}` : `${rest} ${q}`;
}

/** A choice offered on a chip: the qualifier value it writes and its label. */
export interface ChipOption {
  value: string;
  label: string;
}

/** Every recording type; the qualifier is written in lower case, as people type it. */
export const TYPE_OPTIONS: readonly ChipOption[] = RECORDING_TYPES.map((t) => ({
  value: t.toLowerCase(),
  label: RECORDING_TYPE_LABELS[t],
}));

/** Every helpdesk platform, written as the API spells it. */
export const PLATFORM_OPTIONS: readonly ChipOption[] = HELPDESK_PLATFORMS.map((p) => ({
  value: p,
  label: PLATFORM_LABELS[p],
}));

export const DURATION_OPTIONS: readonly ChipOption[] = [
  { value: '<60', label: 'Under 1 min' },
  { value: '60..300', label: '1–5 min' },
  { value: '300..900', label: '5–15 min' },
  { value: '>900', label: 'Over 15 min' },
];

/** YYYY-MM-DD of a local calendar day. */
export function isoDay(d: Date): string {
  const y = String(d.getFullYear()).padStart(4, '0');
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** Date presets relative to `today`: last 7/30/90 days and this year. */
export function createdOptions(today: Date): ChipOption[] {
  const daysAgo = (n: number): string => {
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - n);
    return `>=${isoDay(d)}`;
  };
  return [
    { value: daysAgo(7), label: 'Last 7 days' },
    { value: daysAgo(30), label: 'Last 30 days' },
    { value: daysAgo(90), label: 'Last 90 days' },
    { value: String(today.getFullYear()), label: 'This year' },
  ];
}

/** A created: value from two optional YYYY-MM-DD days (both ends included), or null when both are empty. */
export function dateRangeValue(from: string, to: string): string | null {
  const a = from.trim();
  const b = to.trim();
  if (a && b) return `${a}..${b}`;
  if (a) return `>=${a}`;
  if (b) return `<=${b}`;
  return null;
}

/** The two days a created: value spans, when it is one the custom range could have written. */
export function parseDateRangeValue(value: string | null): { from: string; to: string } | null {
  if (value === null) return null;
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const range = /^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/.exec(value);
  if (range && (range[1] || range[2])) return { from: range[1] ?? '', to: range[2] ?? '' };
  if (value.startsWith('>=') && day.test(value.slice(2))) return { from: value.slice(2), to: '' };
  if (value.startsWith('<=') && day.test(value.slice(2))) return { from: '', to: value.slice(2) };
  if (day.test(value)) return { from: value, to: value };
  return null;
}

/** The label of `value` among `options`, matching case-insensitively; null when it is not one of them. */
export function optionLabel(options: readonly ChipOption[], value: string | null): string | null {
  if (value === null) return null;
  const v = value.toLowerCase();
  return options.find((o) => o.value.toLowerCase() === v)?.label ?? null;
}
