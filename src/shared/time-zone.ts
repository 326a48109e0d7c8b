// Calendar days of a named time zone (IANA, e.g. "Europe/Berlin"), with Intl alone: where a day of that
// zone begins as an instant, and which day an instant falls on there. Search uses it so that `created:`
// means the days the user sees; daylight saving time (23- and 25-hour days, days without a midnight) is
// handled by asking Intl for the zone's offset at the instants concerned. Pure TypeScript: no Node, no DOM.

/** A calendar date: month 1–12, day 1–31. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

// Intl formatters are costly to build and a query needs several: one per zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_CACHED_ZONES = 64;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size >= MAX_CACHED_ZONES) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

// Zone names as IANA writes them ("America/Argentina/Buenos_Aires", "Etc/GMT+5", "UTC").
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** True when `name` is an IANA time zone name this runtime knows. */
export function isTimeZone(name: string): boolean {
  if (name.length > 64 || !ZONE_NAME.test(name)) return false;
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/** The zone of this process: the TZ variable in Node, the system setting in a window. */
export function systemTimeZone(): string {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone as string | undefined;
  return zone !== undefined && isTimeZone(zone) ? zone : 'UTC';
}

/** `name` when it is a known zone, else this process's zone (a missing or unknown zone never fails). */
export function resolveTimeZone(name: string | undefined): string {
  return name !== undefined && isTimeZone(name) ? name : systemTimeZone();
}

/** The wall clock of `ms` in `timeZone`, to the second, as if that wall clock were UTC (epoch ms). */
function wallClockMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(ms)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** The calendar day `ms` falls on in `timeZone`. */
function dayInZone(ms: number, timeZone: string): CalendarDay {
  const wall = new Date(wallClockMs(ms, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** "YYYY-MM-DD" of the day `ms` falls on in `timeZone`. */
export function isoDayInZone(ms: number, timeZone: string): string {
  const { year, month, day } = dayInZone(ms, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const dayNumber = (d: CalendarDay): number => Date.UTC(d.year, d.month - 1, d.day);

/**
 * The first instant (epoch ms) of a calendar day in `timeZone`. Out-of-range fields roll over like
 * Date.UTC's (day 32 of January is 1 February), so callers can ask for "the day after".
 */
export function startOfDayInZone(day: CalendarDay, timeZone: string): number {
  const midnight = Date.UTC(day.year, day.month - 1, day.day);
  // The zone's offset near that midnight, then again at the instant it gives: they differ only when the
  // offset changes in between (a daylight saving time change that day or the evening before).
  const offset = (at: number): number => wallClockMs(at, timeZone) - (at - (((at % 1000) + 1000) % 1000));
  let t = midnight - offset(midnight);
  t = midnight - offset(t);
  if (dayNumber(dayInZone(t, timeZone)) >= midnight) return t;
  // That midnight does not exist there (the clocks jump over it): the day starts at the jump. Zones change
  // their offset by at most a few hours, so the first instant of the day is within reach of a bisection.
  let before = t;
  let after = t + 6 * 3_600_000;
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (dayNumber(dayInZone(mid, timeZone)) >= midnight) after = mid;
    else before = mid;
  }
  return after;
}
