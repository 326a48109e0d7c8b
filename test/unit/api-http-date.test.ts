// HTTP dates in Retry-After, read under a time zone 14 hours from UTC: every form RFC 9110 §5.6.7 allows
// must give the same UTC instant on every machine. TZ is set before anything here reads a date: Node
// applies a change of process.env.TZ at once, so this file's Dates live on Kiritimati (UTC+14).
process.env.TZ = 'Pacific/Kiritimati';

import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/main/api';

const NOV_6_1994 = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('Retry-After as an HTTP date, far from UTC', () => {
  it('runs in a zone far from UTC (or the tests below would prove nothing)', () => {
    expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(-14 * 60);
  });

  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['obsolete RFC 850', 'Sunday, 06-Nov-94 08:49:37 GMT'],
    ['asctime (no zone: UTC)', 'Sun Nov  6 08:49:37 1994'],
    ['asctime with a two-digit day', 'Sun Nov 06 08:49:37 1994'],
  ])('reads the %s form as UTC', (_form, text) => {
    expect(parseRetryAfter(text, NOV_6_1994 - 90_000)).toBe(90_000);
  });

  it('reads a two-digit year as the most recent past year with those digits when it would be over 50 years ahead', () => {
    const now = Date.UTC(2026, 0, 1);
    // 26 → 2026 (not 50 years ahead), 75 → 2075 would be 49 years ahead → 2075; 80 → 2080 is 54 ahead → 1980.
    expect(parseRetryAfter('Thursday, 01-Jan-26 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Tuesday, 01-Jan-75 00:00:00 GMT', now)).toBe(Date.UTC(2075, 0, 1) - now);
    expect(parseRetryAfter('Monday, 01-Jan-80 00:00:00 GMT', now)).toBe(0); // 1980: in the past
  });

  it.each([
    ['a date in the past', 'Sun, 06 Nov 1994 08:49:37 GMT', NOV_6_1994 + 5000, 0],
    ['a day that does not exist', 'Thu, 30 Feb 2026 10:00:00 GMT', 0, null],
    ['a zone other than GMT', 'Sun, 06 Nov 1994 08:49:37 PST', 0, null],
    ['a month that is not one', 'Sun, 06 Nix 1994 08:49:37 GMT', 0, null],
    ['an hour out of range', 'Sun, 06 Nov 1994 25:49:37 GMT', 0, null],
    ['an ISO date, which HTTP does not use', '1994-11-06T08:49:37Z', 0, null],
    ['words', 'tomorrow at noon', 0, null],
  ])('%s: %j', (_label, text, now, expected) => {
    expect(parseRetryAfter(text, now)).toBe(expected);
  });
});
