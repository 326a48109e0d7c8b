// `sdesk search` beyond a screenful (issue 11, point 7) and for text with nothing searchable (point 6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncedCliFixture } from '../helpers/cli-fixture';
import type { CliFixture } from '../helpers/cli-fixture';
import { runCli } from '../helpers/run-cli';

const RECORDINGS = 5_300;
let fx: CliFixture;

beforeAll(async () => {
  fx = await syncedCliFixture(RECORDINGS);
}, 120_000);

afterAll(() => fx.close());

interface Found {
  total: number;
  reason: string | null;
  results: { uuid: string; created_at: string | null }[];
}

describe('sdesk search --limit', () => {
  it('takes 5000: --json prints one document with 5000 results, newest first, none twice', async () => {
    const run = await runCli(['search', '--limit', '5000', '--json'], { env: fx.env });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as Found;
    expect(out.total).toBe(RECORDINGS);
    expect(out.results).toHaveLength(5000);
    expect(new Set(out.results.map((r) => r.uuid)).size).toBe(5000);
    const newest = fx.server.data
      .list()
      .map((r) => ({ uuid: r.uuid, at: Date.parse(r.metadata?.created_at ?? '') }))
      .sort((a, b) => b.at - a.at);
    expect(out.results.at(-1)?.created_at).toBe(new Date(newest[4999]!.at).toISOString());
  });

  it('takes more than there are, and pages on from an offset across its internal pages', async () => {
    const all = JSON.parse(
      (await runCli(['search', '--limit', '1000000', '--json'], { env: fx.env })).stdout,
    ) as Found;
    expect(all.results).toHaveLength(RECORDINGS);
    const tail = JSON.parse(
      (await runCli(['search', '--limit', '2500', '--offset', '2000', '--json'], { env: fx.env })).stdout,
    ) as Found;
    expect(tail.results.map((r) => r.uuid)).toEqual(all.results.slice(2000, 4500).map((r) => r.uuid));
  });

  it('prints one line per result without --json, and a count on stderr', async () => {
    const run = await runCli(['search', '--limit', '1500'], { env: fx.env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n').filter((l) => /^[0-9a-f]{8}-/.test(l))).toHaveLength(1500);
    expect(run.stderr).toContain(`${RECORDINGS} matches (showing 1–1500).`);
  });

  it('keeps a small default and refuses a limit that is not a positive whole number', async () => {
    const run = await runCli(['search', '--json'], { env: fx.env });
    expect((JSON.parse(run.stdout) as Found).results).toHaveLength(20);
    for (const bad of ['0', '-5', '2.5', 'all']) {
      const refused = await runCli(['search', '--limit', bad], { env: fx.env });
      expect(refused.code, bad).toBe(2);
      expect(refused.stderr).toMatch(/--limit/);
    }
  });
});

describe('sdesk search of text with nothing searchable', () => {
  it('finds nothing, says why on stderr and exits 0; --json carries the reason in its one document', async () => {
    const run = await runCli(['search', '🙂'], { env: fx.env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Nothing to search for in “🙂”: use letters or digits');
    const json = await runCli(['search', '!!!', '--json'], { env: fx.env });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      total: 0,
      reason: 'Nothing to search for in “!!!”: use letters or digits',
      results: [],
    });
    expect(json.stderr).toContain('Nothing to search for in “!!!”');
  });
});
