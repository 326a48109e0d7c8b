// The one reader of the API's timestamps, for main (the cache's instants) and the renderer (what a view
// shows). Parsed by hand: Date.parse reads "2026-01-15 23:30:00" and other zone-less forms as local time, so
// two machines would store and show different instants. A timestamp without a zone is UTC everywhere.
// Pure TypeScript: no Node, no DOM.

// RFC 3339 / ISO 8601 date-time: a T or a space between date and time, seconds and fractions optional, then
// Z, ±HH:MM, ±HHMM or nothing (UTC). A bare date is that day's UTC midnight.
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

// Longer text is no timestamp (and is not worth a regular expression's time).
const MAX_LENGTH = 64;

function offsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const m = Number(digits.slice(2));
  return h > 23 || m > 59 ? null : sign * (h * 60 + m);
}

/** Epoch ms of a server timestamp (UTC when it names no zone), or null when `value` is not one. */
export function parseServerTimestamp(value: unknown): number | null {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return null;
  const m = TIMESTAMP.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offset = offsetMinutes(m[8]);
  if (offset === null || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) return null;
  // Date.UTC rolls 30 February over into March: a day that does not exist is refused instead.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
}
