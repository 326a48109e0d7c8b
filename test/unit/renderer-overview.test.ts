import { describe, expect, it } from 'vitest';
import type { Overview } from '../../src/shared/contract';
import {
  describeBars,
  describeWeekly,
  durationChart,
  sourcesChart,
  weeklyChart,
} from '../../src/renderer/src/logic/overview-charts';

const overview: Overview = {
  perWeek: [
    { week: '2026-10-19', Received: 3, Sent: 1, Live: 0, other: 0 },
    { week: '2026-10-26', Received: 5, Sent: 2, Live: 1, other: 0 },
  ],
  durations: [
    { label: '< 1 min', count: 4 },
    { label: '1–5 min', count: 8 },
  ],
  topSources: [
    { source: 'Zendesk Ticket', count: 7 },
    { source: 'Intercom Operator', count: 5 },
  ],
  total: 12,
};
const fmt = (n: number): string => String(n);

describe('overview charts', () => {
  it('stacks weeks by type and leaves out types that never occur', () => {
    const w = weeklyChart(overview, (d) => d.slice(5));
    expect(w.labels).toEqual(['10-19', '10-26']);
    expect(w.series.map((s) => s.name)).toEqual(['Received', 'Sent', 'Live']);
    expect(w.series[0]?.values).toEqual([3, 5]);
  });

  it('describes each chart in words for people who cannot see it', () => {
    expect(
      describeWeekly(
        weeklyChart(overview, (d) => d),
        fmt,
      ),
    ).toBe(
      'Recordings per week from 2026-10-19 to 2026-10-26, by type: Received 8, Sent 3, Live 1. ' +
        'Busiest week: 2026-10-26 with 8.',
    );
    expect(describeBars('Recordings by source', sourcesChart(overview), fmt)).toBe(
      'Recordings by source. Zendesk Ticket: 7; Intercom Operator: 5.',
    );
    expect(describeBars('Durations', durationChart({ ...overview, durations: [] }), fmt)).toBe(
      'Durations: no data.',
    );
  });
});
