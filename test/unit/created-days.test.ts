// The date chips and `created:` agree on what a day is: the chips write days of the window's zone and the
// search reads them in the zone the window sends, so a chip finds exactly the recordings whose dates the
// list shows in its range. Run in New York (process.env.TZ is applied by Node at once).
process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/main/search/parse';
import { formatDate } from '../../src/renderer/src/logic/format';
import { createdOptions, readChip, setChip } from '../../src/renderer/src/logic/query-chips';
import { systemTimeZone } from '../../src/shared/time-zone';

/** Whether the query's created: range holds `iso`, read in the zone the window would send. */
function holds(query: string, iso: string): boolean {
  const node = parseQuery(query, { timeZone: systemTimeZone() }).children.find((n) => n.kind === 'created');
  if (node?.kind !== 'created') throw new Error(`no created: in ${query}`);
  const at = Date.parse(iso);
  return (
    (node.range.gte === undefined || at >= node.range.gte) &&
    (node.range.lt === undefined || at < node.range.lt)
  );
}

describe('date chips and created: near midnight, in New York', () => {
  it('runs in New York', () => {
    expect(systemTimeZone()).toBe('America/New_York');
  });

  it('"Last 7 days" at 22:00 on 15 January starts at midnight of the 8th in New York', () => {
    const now = new Date('2026-01-16T03:00:00Z'); // 22:00 on the 15th
    const last7 = createdOptions(now).find((o) => o.label === 'Last 7 days')?.value ?? '';
    expect(last7).toBe('>=2026-01-08');
    const query = setChip('', 'created', last7);
    // 00:30 on the 8th in New York is in; 23:30 on the 7th is not (both are the 8th in UTC).
    expect(holds(query, '2026-01-08T05:30:00Z')).toBe(true);
    expect(holds(query, '2026-01-08T04:30:00Z')).toBe(false);
    // And what the list shows for them agrees.
    expect(formatDate('2026-01-08T05:30:00Z', { locale: 'en-CA' })).toBe('Jan 8, 2026');
    expect(formatDate('2026-01-08T04:30:00Z', { locale: 'en-CA' })).toBe('Jan 7, 2026');
  });

  it('"This year" on the evening of 31 December is the year shown, to its last local minute', () => {
    const now = new Date('2026-01-01T03:00:00Z'); // 22:00 on 31 December 2025
    const year = createdOptions(now).find((o) => o.label === 'This year')?.value ?? '';
    expect(year).toBe('2025');
    const query = setChip('crash', 'created', year);
    expect(readChip(query, 'created')).toBe('2025');
    expect(holds(query, '2026-01-01T04:59:00Z')).toBe(true); // 23:59 on 31 December
    expect(holds(query, '2026-01-01T05:00:00Z')).toBe(false);
  });
});
