// Qualifier values: dates, durations and enums. Each parser returns null for a value it cannot read; the
// parser then treats the whole token as plain text (so `created:>notadate` searches for those words and,
// in practice, finds nothing — never an error, never a silently wider result).
//
// Dates are calendar periods of the user's time zone: in New York, `2026-01-15` is [2026-01-15T05:00Z,
// 2026-01-16T05:00Z), `2026-01` a month, `2026` a year. Comparisons work on whole periods: `>2026-01-15`
// starts on the 16th, `<=2026-01` ends with January, and `a..b` includes both ends. The zone is the one the
// app shows dates in (the window's, passed with each search; the machine's for sdesk), so a query means
// the days on the screen; src/shared/time-zone.ts turns those days into instants, DST included.
import type { HelpdeskPlatform, RecordingType } from '../../shared/screendesk-api';
import { HELPDESK_PLATFORMS, RECORDING_TYPES } from '../../shared/screendesk-api';
import { startOfDayInZone } from '../../shared/time-zone';
import type { Range } from './ast';

const PERIOD = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;
const DURATION = /^(\d+(?:\.\d+)?|\.\d+)(s|sec|secs|m|min|mins|h|hr|hrs)?$/;
const DURATION_UNIT: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  m: 60,
  min: 60,
  mins: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
};

/**
 * A calendar period of `timeZone` as [start, end) in epoch ms, or null if `text` is not YYYY, YYYY-MM or
 * YYYY-MM-DD.
 */
function parsePeriod(text: string, timeZone: string): { start: number; end: number } | null {
  const m = PERIOD.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return null;
  // Date.UTC rolls 2026-02-30 over into March: reject instead of guessing.
  if (day !== undefined && new Date(Date.UTC(year, (month ?? 1) - 1, day)).getUTCDate() !== day) return null;
  const first = { year, month: month ?? 1, day: day ?? 1 };
  // The day, month or year after, rolled over by startOfDayInZone (day 32 of January is 1 February).
  const next =
    day !== undefined
      ? { ...first, day: first.day + 1 }
      : month !== undefined
        ? { ...first, month: first.month + 1 }
        : { ...first, year: year + 1 };
  return { start: startOfDayInZone(first, timeZone), end: startOfDayInZone(next, timeZone) };
}

/** Seconds from "90", "1.5m", "2h"…, or null. */
function parseSeconds(text: string): number | null {
  const m = DURATION.exec(text.trim().toLowerCase());
  if (!m) return null;
  const n = Number(m[1]) * (DURATION_UNIT[m[2] ?? 's'] ?? 1);
  return Number.isFinite(n) ? n : null;
}

type Op = '>' | '>=' | '<' | '<=' | '=';

function splitOp(text: string): { op: Op; rest: string } {
  const m = /^(>=|<=|>|<|=)?(.*)$/s.exec(text.trim());
  return { op: (m?.[1] as Op | undefined) ?? '=', rest: m?.[2] ?? '' };
}

/**
 * `created:` value (>D, >=D, <D, <=D, D, A..B, A.., ..B) as a half-open epoch-ms range of `timeZone`'s
 * days, or null.
 */
export function parseDateRange(text: string, timeZone: string): Range | null {
  if (text.includes('..')) {
    const [a = '', b = '', ...more] = text.split('..');
    if (more.length > 0 || (a.trim() === '' && b.trim() === '')) return null;
    const from = a.trim() === '' ? undefined : parsePeriod(a, timeZone);
    const to = b.trim() === '' ? undefined : parsePeriod(b, timeZone);
    if (from === null || to === null) return null;
    if (from && to && from.start > to.start) return { gte: to.start, lt: from.end }; // written backwards
    return { ...(from && { gte: from.start }), ...(to && { lt: to.end }) };
  }
  const { op, rest } = splitOp(text);
  const p = parsePeriod(rest, timeZone);
  if (!p) return null;
  switch (op) {
    case '>':
      return { gte: p.end };
    case '>=':
      return { gte: p.start };
    case '<':
      return { lt: p.start };
    case '<=':
      return { lt: p.end };
    case '=':
      return { gte: p.start, lt: p.end };
  }
}

/** `duration:` value in seconds (>N, >=N, <N, <=N, N, A..B, A.., ..B), or null. */
export function parseDurationRange(text: string): Range | null {
  if (text.includes('..')) {
    const [a = '', b = '', ...more] = text.split('..');
    if (more.length > 0 || (a.trim() === '' && b.trim() === '')) return null;
    const lo = a.trim() === '' ? undefined : parseSeconds(a);
    const hi = b.trim() === '' ? undefined : parseSeconds(b);
    if (lo === null || hi === null) return null;
    if (lo !== undefined && hi !== undefined && lo > hi) return { gte: hi, lte: lo };
    return { ...(lo !== undefined && { gte: lo }), ...(hi !== undefined && { lte: hi }) };
  }
  const { op, rest } = splitOp(text);
  const n = parseSeconds(rest);
  if (n === null) return null;
  switch (op) {
    case '>':
      return { gt: n };
    case '>=':
      return { gte: n };
    case '<':
      return { lt: n };
    case '<=':
      return { lte: n };
    case '=':
      return { gte: n, lte: n };
  }
}

// A Map, not an object literal: user text must never reach Object.prototype ("constructor", "__proto__").
const PLATFORM_ALIASES = new Map<string, HelpdeskPlatform>([
  ['screendesk', 'screendesk app'],
  ['screendesk_app', 'screendesk app'],
  ['screendesk-app', 'screendesk app'],
  ['app', 'screendesk app'],
  ['freshdesk-chat', 'freshdesk_chat'],
  ['help_scout', 'helpscout'],
  ['help-scout', 'helpscout'],
]);

/** The recording type named by `text` (any case), or null. */
export function parseRecordingType(text: string): RecordingType | null {
  const t = text.trim().toLowerCase();
  return RECORDING_TYPES.find((r) => r.toLowerCase() === t) ?? null;
}

/** The helpdesk platform named by `text` (any case, a few spellings), or null. */
export function parsePlatform(text: string): HelpdeskPlatform | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return HELPDESK_PLATFORMS.find((p) => p === t) ?? PLATFORM_ALIASES.get(t) ?? null;
}
