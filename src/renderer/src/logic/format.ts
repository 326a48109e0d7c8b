// Dates, durations and counts for people: always in the user's locale and time zone (Intl), never
// hand-built. `locale`/`timeZone` parameters exist for tests; the app passes nothing.
import { parseServerTimestamp } from '../../../shared/server-time';

/** Options the formatters accept; undefined means the user's own. */
export interface LocaleOptions {
  locale?: string;
  timeZone?: string;
}

/** A server timestamp (read as UTC when it names no zone, like the cache does) or epoch ms, as a Date. */
function toDate(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = typeof value === 'number' ? value : parseServerTimestamp(value);
  return ms === null || !Number.isFinite(ms) ? null : new Date(ms);
}

/** Date and time, e.g. "12 Mar 2026, 14:05"; null when the value is missing or unreadable. */
export function formatDateTime(
  value: string | number | null | undefined,
  opts: LocaleOptions = {},
): string | null {
  const d = toDate(value);
  if (!d) return null;
  return new Intl.DateTimeFormat(opts.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: opts.timeZone,
  }).format(d);
}

/** Date only, e.g. "12 Mar 2026"; null when missing or unreadable. */
export function formatDate(
  value: string | number | null | undefined,
  opts: LocaleOptions = {},
): string | null {
  const d = toDate(value);
  if (!d) return null;
  return new Intl.DateTimeFormat(opts.locale, { dateStyle: 'medium', timeZone: opts.timeZone }).format(d);
}

/** Time of day with seconds, e.g. "14:05:09"; null when missing or unreadable. */
export function formatTime(
  value: string | number | null | undefined,
  opts: LocaleOptions = {},
): string | null {
  const d = toDate(value);
  if (!d) return null;
  return new Intl.DateTimeFormat(opts.locale, { timeStyle: 'medium', timeZone: opts.timeZone }).format(d);
}

/**
 * When something will happen, for a status line: the time alone today ("14:05"), with the date on another
 * day ("16 Jan 2026, 14:05"); null when `at` is missing.
 */
export function formatWhen(
  at: number | null | undefined,
  now: number,
  opts: LocaleOptions = {},
): string | null {
  if (at === null || at === undefined || !Number.isFinite(at)) return null;
  const day = (ms: number): string =>
    new Intl.DateTimeFormat('en-CA', { timeZone: opts.timeZone }).format(ms);
  if (day(at) !== day(now)) return formatDateTime(at, opts);
  return new Intl.DateTimeFormat(opts.locale, { timeStyle: 'short', timeZone: opts.timeZone }).format(at);
}

/** Seconds as a clock, "0:45", "12:03", "1:02:03"; null for a missing or negative value. */
export function formatDuration(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return null;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Seconds in words for screen readers and tooltips, e.g. "1 min 5 s". */
export function describeDuration(seconds: number | null | undefined): string | null {
  const clock = formatDuration(seconds);
  if (clock === null || seconds === null || seconds === undefined) return null;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (s || parts.length === 0) parts.push(`${s} s`);
  return parts.join(' ');
}

/** "just now", "5 minutes ago", "yesterday"… relative to `now`; null when `at` is missing. */
export function formatRelative(
  at: number | null | undefined,
  now: number,
  opts: LocaleOptions = {},
): string | null {
  if (at === null || at === undefined || !Number.isFinite(at)) return null;
  const diffS = Math.round((at - now) / 1000);
  if (Math.abs(diffS) < 45) return 'just now';
  const rtf = new Intl.RelativeTimeFormat(opts.locale, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(diffS) >= size) return rtf.format(Math.round(diffS / size), unit);
  }
  return rtf.format(diffS, 'second');
}

/** A count with the locale's grouping, e.g. "100,000". */
export function formatCount(n: number, opts: LocaleOptions = {}): string {
  return new Intl.NumberFormat(opts.locale).format(n);
}
