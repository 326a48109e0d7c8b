// docs/performance.md as npm run bench writes it (bench/lib/doc.ts): from one run, or from sections kept
// from several (`--only`), where each section says which run it is from.
import { describe, expect, it } from 'vitest';
import { renderDoc } from '../../bench/lib/doc';
import type { RunInfo, SectionData } from '../../bench/lib/report';

const FULL: RunInfo = {
  machine: 'Xeon, 2 cores; 2026-12-02T07:58:25Z',
  quick: false,
  sizes: [10_000, 100_000],
  runs: 3,
};
const LATER: RunInfo = { ...FULL, machine: 'Xeon, 2 cores; 2026-12-03T09:00:00Z' };

function section(id: string, run: RunInfo, met: boolean): SectionData {
  return {
    id,
    run,
    title: `The ${id} benchmark`,
    about: [`What ${id} means.`],
    tables: [{ title: `${id} figures`, columns: ['what', 'ms'], rows: [['a | b', '1.5']] }],
    goals: [
      { what: `${id} goal`, goal: '≤ 8 ms', measured: '9 ms', met, bound: `${id} is bound by the disk` },
    ],
    notes: [],
  };
}

describe('the performance document', () => {
  it('from one run names its machine once, lists every goal, and says what bounds a missed one', () => {
    const doc = renderDoc({
      sections: [section('search', FULL, false), section('sync', FULL, true)],
      failed: [],
    });
    expect(doc).toContain('every figure below is from that one run, on 10,000 and 100,000 recordings');
    expect(doc.match(/2026-12-02T07:58:25Z/g)).toHaveLength(1);
    expect(doc).toMatch(/\| search goal \| ≤ 8 ms \| 9 ms \| MISSED \|/);
    expect(doc).toMatch(/\| sync goal \| ≤ 8 ms \| 9 ms \| OK \|/);
    expect(doc).toContain('- **search goal**: search is bound by the disk');
    expect(doc).not.toContain('sync is bound by the disk');
    expect(doc).toContain('| a \\| b | 1.5 |');
  });

  it('from sections of several runs says so, and names the run under each section', () => {
    const doc = renderDoc({
      sections: [section('search', LATER, true), section('sync', FULL, true)],
      failed: ['startup'],
    });
    expect(doc).not.toContain('from that one run');
    expect(doc).toContain('Each section is from the run named under its title');
    const search = doc.slice(doc.indexOf('## The search benchmark'), doc.indexOf('## The sync benchmark'));
    const sync = doc.slice(doc.indexOf('## The sync benchmark'));
    expect(search).toContain('2026-12-03T09:00:00Z');
    expect(sync).toContain('2026-12-02T07:58:25Z');
    expect(doc).toContain('**Failed in the last run:** startup.');
  });

  it('of a quick run says it is one, and that the goals are about 100,000 recordings', () => {
    const quick = { ...FULL, quick: true, sizes: [10_000] };
    const doc = renderDoc({ sections: [section('search', quick, true)], failed: [] });
    expect(doc).toContain('`npm run bench -- --quick`');
    expect(doc).toContain('A quick run: 10,000 recordings only, 3 repetitions');
  });
});
