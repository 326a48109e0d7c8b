// sdesk and time: a server that asks to wait longer than sdesk waits is told back to the user with the time
// to try again, and `created:` days are the machine's days (TZ changes them), as the listing shows them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountSession } from '../../src/main/session';
import { syncedCliFixture } from '../helpers/cli-fixture';
import type { CliFixture } from '../helpers/cli-fixture';
import { recording } from '../helpers/db-fixtures';
import { runCli } from '../helpers/run-cli';
import { withCacheOf } from '../helpers/session-cache';

let fx: CliFixture;
beforeAll(async () => {
  fx = await syncedCliFixture(30);
});
afterAll(() => fx.close());

/** "HH:MM" of `ms` in `timeZone`, with "YYYY-MM-DD " before it when that is not today there. */
function clock(ms: number, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
  const day = (at: number): string => new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
  return day(ms) === day(Date.now()) ? time : `${day(ms)} ${time}`;
}

/** The two readings a wait of `ms` from now can print (the minute may turn meanwhile). */
function untilClocks(startedAt: number, ms: number, timeZone: string): string[] {
  return [clock(startedAt + ms, timeZone), clock(Date.now() + ms, timeZone)];
}

describe('sdesk: a server that asks to wait 2 hours', () => {
  it('sync asks once, says when to try again, and exits 1', async () => {
    fx.server.faults.add({ kind: 'rate-limit', retryAfter: '7200', times: 1 });
    const before = fx.server.requests.length;
    const started = Date.now();
    const run = await runCli(['sync'], { env: { ...fx.env, TZ: 'Asia/Tokyo' }, timeoutMs: 20_000 });
    expect(run.code, run.stderr).toBe(1);
    expect(fx.server.requests.length - before).toBe(1);
    const shown =
      /The server asks to wait 2 h \(until ((?:\d{4}-\d\d-\d\d )?\d\d:\d\d)\); try again then\./.exec(
        run.stderr,
      );
    expect(shown, run.stderr).not.toBeNull();
    expect(untilClocks(started, 7_200_000, 'Asia/Tokyo')).toContain(shown?.[1]);
  });

  it('push leaves the edit queued, says when to try again, and exits 1', async () => {
    const uuid = fx.server.data.uuids()[2] ?? '';
    const edit = await runCli(['edit', uuid, '--title', 'Sent after the wait'], { env: fx.env });
    expect(edit.code, edit.stderr).toBe(0);
    fx.server.faults.add({ kind: 'rate-limit', retryAfter: '5400', times: 1 });
    const before = fx.server.requests.length;
    const started = Date.now();
    const run = await runCli(['push'], { env: { ...fx.env, TZ: 'America/Los_Angeles' }, timeoutMs: 20_000 });
    expect(run.code, run.stderr).toBe(1);
    expect(fx.server.requests.length - before).toBe(1);
    const shown =
      /The server asks to wait 1 h 30 min \(until ((?:\d{4}-\d\d-\d\d )?\d\d:\d\d)\); try again then\./.exec(
        run.stderr,
      );
    expect(shown, run.stderr).not.toBeNull();
    expect(untilClocks(started, 5_400_000, 'America/Los_Angeles')).toContain(shown?.[1]);
    const queue = await runCli(['--json', 'queue'], { env: fx.env });
    expect(JSON.parse(queue.stdout)).toMatchObject([{ uuid, status: 'pending' }]);
    // Once the server allows it, the same command sends it.
    expect((await runCli(['push'], { env: fx.env })).code).toBe(0);
    expect(fx.server.data.get(uuid)?.title).toBe('Sent after the wait');
  });
});

describe('sdesk search: created: days are the days of the machine', () => {
  const late = recording({
    title: 'Zone test late evening',
    metadata: { created_at: '2026-01-16T03:00:00Z' },
  });
  const early = recording({
    title: 'Zone test night before',
    metadata: { created_at: '2026-01-15T03:00:00Z' },
  });
  // 15:00 in New York, 05:00 the next day in Tokyo.
  const evening = recording({
    title: 'Zone test afternoon',
    metadata: { created_at: '2026-01-15T20:00:00Z' },
  });

  beforeAll(() => {
    const session = new AccountSession({
      dataDir: fx.dataDir,
      apiUrl: fx.server.url,
      token: fx.server.adminToken,
    });
    withCacheOf(session, (cache) => cache.recordings.upsertPage([late, early, evening]));
    session.close();
  });

  async function found(query: string, tz: string): Promise<{ ids: string[]; text: string }> {
    const env = { ...fx.env, TZ: tz };
    const json = await runCli(['--json', 'search', 'zone', 'test', query], { env });
    expect(json.code, json.stderr).toBe(0);
    const ids = (JSON.parse(json.stdout) as { results: { uuid: string }[] }).results
      .map((r) => r.uuid)
      .sort();
    const text = await runCli(['search', 'zone', 'test', query], { env });
    return { ids, text: text.stdout };
  }

  it('in New York, 2026-01-16T03:00Z is January 15 (22:00) and 2026-01-15T03:00Z is January 14', async () => {
    const ny = await found('created:2026-01-15', 'America/New_York');
    expect(ny.ids).toEqual([late.uuid, evening.uuid].sort());
    // The listing shows the same local day the query matched.
    expect(ny.text).toContain(`${late.uuid}  2026-01-15`);
    expect((await found('created:2026-01-14', 'America/New_York')).ids).toEqual([early.uuid]);
  });

  it('in Tokyo the same recordings fall on other days: 20:00Z on the 15th is the 16th there', async () => {
    const tokyo = await found('created:2026-01-15', 'Asia/Tokyo');
    expect(tokyo.ids).toEqual([early.uuid]);
    expect(tokyo.text).toContain(`${early.uuid}  2026-01-15`);
    const next = await found('created:>=2026-01-16', 'Asia/Tokyo');
    expect(next.ids).toEqual([late.uuid, evening.uuid].sort());
    expect(next.text).toContain(`${evening.uuid}  2026-01-16`);
  });
});
