// Server timestamps without a zone are UTC on every machine: the cache stores one instant and the app shows
// it the same way in Los Angeles and in Tokyo. Node applies a change of process.env.TZ at once, so each
// test reads the same text under two zones and compares.
import { afterEach, describe, expect, it } from 'vitest';
import { extractColumns } from '../../src/main/db/extract';
import { formatDateTime } from '../../src/renderer/src/logic/format';
import { timelineBars } from '../../src/renderer/src/logic/recording';
import { parseServerTimestamp } from '../../src/shared/server-time';

const original = process.env.TZ;
afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

/** What `read` gives under each zone. */
function underZones<T>(zones: string[], read: () => T): T[] {
  return zones.map((zone) => {
    process.env.TZ = zone;
    return read();
  });
}

const ZONES = ['America/Los_Angeles', 'Asia/Tokyo'];

describe('a zone-less server timestamp is UTC on every machine', () => {
  it.each([
    ['a space between date and time', '2026-01-15 23:30:00'],
    ['a T between date and time', '2026-01-15T23:30:00'],
    ['fractions of a second', '2026-01-15 23:30:00.000'],
  ])('stores the same instant with %s', (_label, text) => {
    const stored = underZones(ZONES, () => extractColumns({ uuid: 'u', metadata: { created_at: text } }));
    expect(stored.map((c) => c?.createdAt)).toEqual([
      Date.UTC(2026, 0, 15, 23, 30),
      Date.UTC(2026, 0, 15, 23, 30),
    ]);
  });

  it('shows the same date and time in the app', () => {
    const shown = underZones(ZONES, () =>
      formatDateTime('2026-01-15 23:30:00', { locale: 'en-GB', timeZone: 'UTC' }),
    );
    expect(shown).toEqual(['15 Jan 2026, 23:30', '15 Jan 2026, 23:30']);
  });

  it('places participants on the call timeline the same way', () => {
    const room = {
      startedAt: '2026-01-15 10:00:00',
      endedAt: '2026-01-15T10:10:00Z',
      duration: 600,
      participantMinutes: null,
      uniqueParticipants: 1,
      participants: [
        {
          id: 'p',
          name: 'Ana',
          role: null,
          browser: null,
          os: null,
          device: null,
          deviceType: null,
          joinedAt: '2026-01-15 10:05:00',
          leftAt: null,
        },
      ],
    };
    const bars = underZones(ZONES, () => timelineBars(room).map((b) => b.start));
    expect(bars).toEqual([[0.5], [0.5]]);
  });
});

describe('parseServerTimestamp', () => {
  it.each([
    ['2026-01-15T23:30:00Z', Date.UTC(2026, 0, 15, 23, 30)],
    ['2026-01-15t23:30:00z', Date.UTC(2026, 0, 15, 23, 30)],
    ['2026-01-15 23:30:00+02:00', Date.UTC(2026, 0, 15, 21, 30)],
    ['2026-01-15T23:30:00-0330', Date.UTC(2026, 0, 16, 3, 0)],
    ['2026-01-15T23:30:00.125Z', Date.UTC(2026, 0, 15, 23, 30, 0, 125)],
    ['2026-01-15T23:30:00.1234567Z', Date.UTC(2026, 0, 15, 23, 30, 0, 123)],
    ['2026-01-15T23:30Z', Date.UTC(2026, 0, 15, 23, 30)],
    ['2026-01-15', Date.UTC(2026, 0, 15)],
    [' 2026-01-15T23:30:00Z ', Date.UTC(2026, 0, 15, 23, 30)],
  ])('%j → its instant', (text, expected) => {
    expect(underZones(ZONES, () => parseServerTimestamp(text))).toEqual([expected, expected]);
  });

  it.each([
    undefined,
    null,
    5,
    '',
    'soon',
    '2026-13-45T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-01-15T24:30:00Z',
    '2026-01-15T23:60:00Z',
    '2026-01-15T23:30:00+25:00',
    'Thu, 15 Jan 2026 23:30:00 GMT',
    '15/01/2026',
    `2026-01-15T23:30:00${'0'.repeat(80)}Z`,
  ])('%j → null', (bad) => {
    expect(parseServerTimestamp(bad)).toBeNull();
  });
});
