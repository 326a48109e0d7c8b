import { describe, expect, it } from 'vitest';
import {
  describeDuration,
  formatCount,
  formatDate,
  formatDateTime,
  formatDuration,
  formatRelative,
  formatWhen,
} from '../../src/renderer/src/logic/format';

describe('dates in the user locale and time zone', () => {
  const iso = '2026-03-12T23:30:00Z';

  it('shows the same instant as the local day of the time zone asked for', () => {
    expect(formatDate(iso, { locale: 'en-GB', timeZone: 'UTC' })).toBe('12 Mar 2026');
    // Half past eleven UTC is already the 13th in Tokyo.
    expect(formatDate(iso, { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe('13 Mar 2026');
  });

  it('follows the locale for order and words', () => {
    expect(formatDateTime(iso, { locale: 'en-US', timeZone: 'UTC' })).toBe('Mar 12, 2026, 11:30 PM');
    expect(formatDateTime(iso, { locale: 'de-DE', timeZone: 'UTC' })).toBe('12.03.2026, 23:30');
  });

  it('answers null for a missing or unreadable date instead of "Invalid Date"', () => {
    expect(formatDateTime(null)).toBeNull();
    expect(formatDateTime('')).toBeNull();
    expect(formatDateTime('yesterday-ish')).toBeNull();
  });
});

describe('durations', () => {
  it('prints a clock', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(45)).toBe('0:45');
    expect(formatDuration(723)).toBe('12:03');
    expect(formatDuration(3723)).toBe('1:02:03');
  });

  it('has no clock for a missing or negative value', () => {
    expect(formatDuration(null)).toBeNull();
    expect(formatDuration(-5)).toBeNull();
    expect(formatDuration(Number.NaN)).toBeNull();
  });

  it('spells durations out for screen readers', () => {
    expect(describeDuration(65)).toBe('1 min 5 s');
    expect(describeDuration(3600)).toBe('1 h');
    expect(describeDuration(0)).toBe('0 s');
  });
});

describe('relative times and counts', () => {
  const now = Date.UTC(2026, 10, 1, 12);
  it('says "just now", minutes, hours and days', () => {
    expect(formatRelative(now - 10_000, now, { locale: 'en' })).toBe('just now');
    expect(formatRelative(now - 5 * 60_000, now, { locale: 'en' })).toBe('5 minutes ago');
    expect(formatRelative(now - 3 * 3_600_000, now, { locale: 'en' })).toBe('3 hours ago');
    expect(formatRelative(now - 86_400_000, now, { locale: 'en' })).toBe('yesterday');
    expect(formatRelative(null, now)).toBeNull();
  });

  it('groups thousands by locale', () => {
    expect(formatCount(100_000, { locale: 'en-US' })).toBe('100,000');
    expect(formatCount(100_000, { locale: 'de-DE' })).toBe('100.000');
  });
});

describe('when something will happen (the status bar\'s "next try at")', () => {
  const now = Date.parse('2026-01-15T12:00:00Z');
  const opts = { locale: 'en-GB', timeZone: 'Europe/Berlin' };

  it('gives the time alone later today, and the date too on another day of that zone', () => {
    expect(formatWhen(Date.parse('2026-01-15T14:05:00Z'), now, opts)).toBe('15:05');
    // 23:30 UTC is already the 16th in Berlin.
    expect(formatWhen(Date.parse('2026-01-15T23:30:00Z'), now, opts)).toBe('16 Jan 2026, 00:30');
  });

  it('answers null without a time', () => {
    expect(formatWhen(null, now)).toBeNull();
    expect(formatWhen(Number.NaN, now)).toBeNull();
  });
});
