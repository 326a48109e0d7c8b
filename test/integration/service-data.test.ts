// What the service reads out of the cache for the UI: the overview's numbers, search hits with the state
// of their queued edit, a recording with its edit laid over it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview, RecordingDetail, SearchResult, SyncStatus } from '../../src/shared/contract';
import { startDemoServer } from '../../src/main/demo';
import type { DemoServer } from '../../src/main/demo';
import { serviceFixture } from '../helpers/service-fixture';
import type { ServiceFixture } from '../helpers/service-fixture';

let demo: DemoServer;
let f: ServiceFixture;

beforeAll(async () => {
  demo = await startDemoServer({ recordings: 300 });
  f = serviceFixture();
  await f.value('account:signIn', { apiUrl: demo.url, token: demo.adminToken });
  await f.value('sync:now');
});

afterAll(async () => {
  await f.close();
  await demo.close();
});

describe('DesktopService: data for the UI', () => {
  it('the overview adds up to the recordings in the cache', async () => {
    const all = demo.data.list();
    const o = await f.value<Overview>('stats:overview');
    expect(o.total).toBe(300);

    const perWeekTotal = o.perWeek.reduce((n, w) => n + w.Received + w.Sent + w.Live + w.other, 0);
    expect(perWeekTotal).toBe(all.filter((r) => r.metadata?.created_at).length);
    const types = (t: string): number => all.filter((r) => r.metadata?.recording_type === t).length;
    expect(o.perWeek.reduce((n, w) => n + w.Live, 0)).toBe(types('Live'));
    // Weeks are ISO weeks (Mondays), oldest first, one after the other without gaps.
    for (const [i, w] of o.perWeek.entries()) {
      expect(new Date(`${w.week}T00:00:00Z`).getUTCDay()).toBe(1);
      if (i > 0) {
        const prev = Date.parse(`${o.perWeek[i - 1]?.week}T00:00:00Z`);
        expect(Date.parse(`${w.week}T00:00:00Z`) - prev).toBe(7 * 86_400_000);
      }
    }

    const withDuration = all.filter(
      (r) => typeof r.metadata?.duration === 'number' && r.metadata.duration >= 0,
    ).length;
    expect(o.durations.reduce((n, d) => n + d.count, 0)).toBe(withDuration);
    const counts = o.topSources.map((s) => s.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(o.topSources.length).toBeGreaterThan(0);
    expect(o.topSources.length).toBeLessThanOrEqual(10);
  });

  it('a queued edit shows at once: in the recording, and as a badge on its search hit', async () => {
    const uuid = demo.data.uuids()[5] ?? '';
    // Keep the edit pending: the server is "down" for PATCH for a while.
    demo.faults.add({ kind: 'drop', method: 'PATCH' });
    await f.value('outbox:edit', { uuid, fields: { title: 'Queued title zebra' } });
    const detail = await f.value<RecordingDetail>('recording:get', { uuid });
    expect(detail.recording['title']).toBe('Queued title zebra');
    expect(detail.local).toMatchObject({ uuid, status: 'pending', fields: { title: 'Queued title zebra' } });
    // The server's copy comes apart from the edit: an editor compares with it without rebuilding it.
    expect(detail.server['title']).toBe(demo.data.get(uuid)?.title);
    expect(detail.server['title']).not.toBe('Queued title zebra');
    expect({ ...detail.server, title: 'Queued title zebra' }).toEqual(detail.recording);

    const hits = await f.value<SearchResult>('search:query', { query: '', limit: 1000 });
    const hit = hits.results.find((h) => h.uuid === uuid);
    expect(hit?.local).toBe('pending');
    expect(hits.results.filter((h) => h.local !== null)).toHaveLength(1);
    demo.faults.clear();
  });

  it("the cache's revision grows with a sync that changed recordings, and only then", async () => {
    await f.value('sync:now'); // settles what earlier tests queued
    const before = (await f.value<SyncStatus>('sync:status')).cacheRevision;
    await f.value('sync:now');
    const unchanged = await f.value<SyncStatus>('sync:status');
    expect(unchanged.cacheRevision).toBe(before);
    const uuid = demo.data.uuids()[7] ?? '';
    demo.data.update(uuid, { title: 'Renamed by a colleague' });
    await f.value('sync:now');
    expect((await f.value<SyncStatus>('sync:status')).cacheRevision).toBe(before + 1);
  });

  it('an unknown recording is null, not an error', async () => {
    expect(await f.value('recording:get', { uuid: 'no-such-recording' })).toBeNull();
  });
});

describe('DesktopService: created: in the time zone the window sends', () => {
  // A recording whose day differs between UTC and a zone picked for it: +14 h moves a late one into
  // the next day, −11 h an early one into the day before.
  function recordingWithZone(): { uuid: string; utcDay: string; zoneDay: string; timeZone: string } {
    const r = demo.data.list().find((x) => typeof x.metadata?.created_at === 'string');
    const at = Date.parse(r?.metadata?.created_at ?? '');
    const hour = new Date(at).getUTCHours();
    const timeZone = hour >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
    const day = (zone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(at);
    return { uuid: r?.uuid ?? '', utcDay: day('UTC'), zoneDay: day(timeZone), timeZone };
  }

  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  const hitsOf = async (args: Record<string, unknown>): Promise<string[]> =>
    (await f.value<SearchResult>('search:query', { limit: 1000, ...args })).results.map((h) => h.uuid);

  it("matches the zone's days, whatever the machine's zone; without one, the machine's", async () => {
    process.env.TZ = 'UTC';
    const r = recordingWithZone();
    expect(r.zoneDay).not.toBe(r.utcDay);
    expect(await hitsOf({ query: `created:${r.zoneDay}`, timeZone: r.timeZone })).toContain(r.uuid);
    expect(await hitsOf({ query: `created:${r.utcDay}`, timeZone: r.timeZone })).not.toContain(r.uuid);
    // No zone sent: this process's (UTC here).
    expect(await hitsOf({ query: `created:${r.utcDay}` })).toContain(r.uuid);
    expect(await hitsOf({ query: `created:${r.zoneDay}` })).not.toContain(r.uuid);
  });

  it('refuses a zone that is not an IANA name with a clear error', async () => {
    for (const timeZone of ['Mars/Olympus_Mons', '', '../etc/passwd', 'x'.repeat(200), 5]) {
      const result = await f.call('search:query', { query: 'created:2026', timeZone });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    }
  });
});
