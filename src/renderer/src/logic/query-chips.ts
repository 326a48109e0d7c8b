// Filter chips ↔ query text. The search box holds the whole query; a chip is a view of one qualifier
// in it (type:, platform:, created:, duration:). Choosing a chip value rewrites that qualifier in the
// text and leaves everything else as typed; typing a qualifier by hand shows up on its chip.
// The tokenizer follows src/main/search/lex.ts closely enough to find qualifier tokens and their spans.

/** The qualifiers offered as chips. */
export type ChipKey = 'type' | 'platform' | 'created' | 'duration';

/** One token of the query with its place in the text. */
export interface QueryToken {
  start: number;
  end: number;
  negated: boolean;
  /** Lower-cased key of a key:value token; null for words and phrases. */
  key: string | null;
  value: string;
}

const KEY = /^[A-Za-z]+$/;
const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);

function quotedEnd(s: string, openAt: number): number {
  const close = s.indexOf('"', openAt + 1);
  return close === -1 ? s.length : close + 1;
}

function unquote(v: string): string {
  if (!v.startsWith('"')) return v;
  return v.endsWith('"') && v.length > 1 ? v.slice(1, -1) : v.slice(1);
}

/** Cuts a query into tokens, each with its span in the text. */
export function tokenize(query: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let i = 0;
  const s = query;
  while (i < s.length) {
    while (isSpace(s[i])) i++;
    if (i >= s.length) break;
    const start = i;
    let negated = false;
    if (s[i] === '-' && i + 1 < s.length && !isSpace(s[i + 1])) {
      negated = true;
      i++;
    }
    const bodyStart = i;
    if (s[i] === '"') {
      i = quotedEnd(s, i);
      tokens.push({ start, end: i, negated, key: null, value: unquote(s.slice(bodyStart, i)) });
      continue;
    }
    let key: string | null = null;
    let valueStart = -1;
    while (i < s.length && !isSpace(s[i])) {
      if (s[i] === ':' && key === null && KEY.test(s.slice(bodyStart, i))) {
        key = s.slice(bodyStart, i).toLowerCase();
        valueStart = i + 1;
        if (s[i + 1] === '"') {
          i = quotedEnd(s, i + 1);
          break;
        }
      }
      i++;
    }
    if (key !== null && valueStart < i) {
      tokens.push({ start, end: i, negated, key, value: unquote(s.slice(valueStart, i)) });
    } else {
      tokens.push({ start, end: i, negated, key: null, value: s.slice(bodyStart, i) });
    }
  }
  return tokens;
}

/** The value of the (last, non-negated) `key:` qualifier in the query, or null. */
export function readChip(query: string, key: ChipKey): string | null {
  let value: string | null = null;
  for (const t of tokenize(query)) if (t.key === key && !t.negated) value = t.value;
  return value;
}

/** `key:value`, quoting the value when it holds spaces or quotes would be needed. */
export function formatQualifier(key: ChipKey, value: string): string {
  const v = value.replace(/"/g, '');
  return /\s/.test(v) ? `${key}:"${v}"` : `${key}:${v}`;
}

/** The query with every non-negated `key:` qualifier replaced by `key:value` (or removed for null). */
export function setChip(query: string, key: ChipKey, value: string | null): string {
  let out = '';
  let from = 0;
  for (const t of tokenize(query)) {
    if (t.key !== key || t.negated) continue;
    out += query.slice(from, t.start);
    from = t.end;
  }
  out += query.slice(from);
  const rest = out.replace(/\s+/g, ' ').trim();
  if (value === null || value.trim() === '') return rest;
  const q = formatQualifier(key, value.trim());
  return rest === '' ? q : `${rest} ${q}`;
}

/** A choice offered on a chip: the qualifier value it writes and its label. */
export interface ChipOption {
  value: string;
  label: string;
}

export const TYPE_OPTIONS: readonly ChipOption[] = [
  { value: 'received', label: 'Received' },
  { value: 'sent', label: 'Sent' },
  { value: 'live', label: 'Live' },
];

export const PLATFORM_OPTIONS: readonly ChipOption[] = [
  { value: 'zendesk', label: 'Zendesk' },
  { value: 'intercom', label: 'Intercom' },
  { value: 'freshdesk', label: 'Freshdesk' },
  { value: 'freshdesk_chat', label: 'Freshdesk Chat' },
  { value: 'helpscout', label: 'Help Scout' },
  { value: 'jira', label: 'Jira' },
  { value: 'screendesk app', label: 'Screendesk app' },
];

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
