// HTTP dates (RFC 9110 §5.6.7), parsed by hand: Date.parse's handling of these forms is implementation-
// defined, and V8 reads the zone-less asctime form as local time and refuses two-digit years. Every form
// is UTC, whatever the machine's zone.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SHORT_DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

// IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" (the one form senders must use).
const IMF_FIXDATE = new RegExp(`^${SHORT_DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
// Obsolete RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT".
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
// Obsolete asctime: "Sun Nov  6 08:49:37 1994" (the day padded with a space; no zone, meaning UTC).
const ASCTIME = new RegExp(`^${SHORT_DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/**
 * The year of an RFC 850 date's two digits: RFC 9110 §5.6.7 has a recipient take a year that appears to be
 * more than 50 years in the future as the most recent past year with the same last two digits.
 */
function fullYear(twoDigits: number, nowMs: number): number {
  const thisYear = new Date(nowMs).getUTCFullYear();
  let year = Math.floor(thisYear / 100) * 100 + twoDigits;
  if (year - thisYear > 50) year -= 100;
  else if (thisYear - year >= 50) year += 100;
  return year;
}

function instant(year: number, month: string, day: number, h: number, m: number, s: number): number | null {
  const monthIndex = MONTHS.indexOf(month);
  // Leap seconds (60) exist in the grammar; they are read as the next second.
  if (monthIndex < 0 || h > 23 || m > 59 || s > 60 || day < 1) return null;
  const ms = Date.UTC(year, monthIndex, day, h, m, s);
  // Date.UTC rolls 30 Feb over into March: a day that does not exist is refused instead.
  return new Date(ms).getUTCDate() === day && new Date(ms).getUTCMonth() === monthIndex ? ms : null;
}

/** Epoch ms of an HTTP date in any of RFC 9110's three forms, or null when `text` is not one. */
export function parseHttpDate(text: string, nowMs: number): number | null {
  const t = text.trim();
  let m = IMF_FIXDATE.exec(t);
  if (m) return instant(Number(m[3]), m[2] ?? '', Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  m = RFC_850.exec(t);
  if (m) {
    const year = fullYear(Number(m[3]), nowMs);
    return instant(year, m[2] ?? '', Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  }
  m = ASCTIME.exec(t);
  if (m) return instant(Number(m[6]), m[1] ?? '', Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  return null;
}
