// The demo data set: deterministic, realistic in the ways the UI and sync code care about, and its
// mutation API behaving like the real server would.
import { describe, expect, it } from 'vitest';
import {
  DEMO_AGENTS,
  DEMO_DEFAULT_NOW,
  DEMO_MEMBER_EMAIL,
  DemoDataStore,
  generateRecordings,
} from '../../src/main/demo';
import { HELPDESK_PLATFORMS, RECORDING_TYPES, type Recording } from '../../src/shared/screendesk-api';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ms = (iso: string | undefined): number => Date.parse(iso ?? '');
const data = generateRecordings(2_000);

describe('determinism', () => {
  it('gives identical recordings for the same seed and different ones for another seed', () => {
    expect(generateRecordings(300, { seed: 7 })).toEqual(generateRecordings(300, { seed: 7 }));
    const other = generateRecordings(300, { seed: 8 });
    expect(other.map((r) => r.uuid)).not.toEqual(generateRecordings(300, { seed: 7 }).map((r) => r.uuid));
  });

  it('builds a recording identically however often and in whatever order it is read', () => {
    const store = new DemoDataStore({ recordings: 500 });
    const reversed = [...store.uuids()].reverse().map((u) => store.get(u));
    expect(reversed.reverse()).toEqual(store.list());
  });

  it('adds the same new recordings for the same seed and sequence of calls', () => {
    const a = new DemoDataStore({ recordings: 10, seed: 3 });
    const b = new DemoDataStore({ recordings: 10, seed: 3 });
    expect([a.add(2), a.add()]).toEqual([b.add(2), b.add()]);
  });
});

describe('shape and realism', () => {
  it('uses unique v4 uuids and links each to its public URL', () => {
    expect(new Set(data.map((r) => r.uuid)).size).toBe(data.length);
    for (const r of data) {
      expect(r.uuid).toMatch(UUID_V4);
      expect(r.metadata?.url).toBe(`https://app.screendesk.io/recordings/${r.uuid}`);
    }
  });

  it('lists newest first, spread over the 18 months before now, never updated before creation or after now', () => {
    const now = DEMO_DEFAULT_NOW.getTime();
    const created = data.map((r) => ms(r.metadata?.created_at));
    for (let i = 1; i < created.length; i++) expect(created[i]).toBeLessThan(created[i - 1] as number);
    expect(created[0]).toBeLessThan(now);
    expect(now - (created.at(-1) as number)).toBeGreaterThan(400 * 86_400_000);
    expect(now - (created.at(-1) as number)).toBeLessThan(560 * 86_400_000);
    for (const r of data) {
      expect(ms(r.metadata?.updated_at)).toBeGreaterThanOrEqual(ms(r.metadata?.created_at));
      expect(ms(r.metadata?.updated_at)).toBeLessThanOrEqual(now);
      expect(r.metadata?.impressions_count).toBeGreaterThanOrEqual(0);
    }
  });

  it('generates relative to the given now', () => {
    const now = new Date('2024-02-29T00:00:00Z');
    const [newest] = generateRecordings(5, { now });
    expect(now.getTime() - ms(newest?.metadata?.created_at)).toBeGreaterThan(0);
    expect(now.getTime() - ms(newest?.metadata?.created_at)).toBeLessThan(30 * 86_400_000);
  });

  it('holds every type × platform pair even in a small data set', () => {
    const small = generateRecordings(30);
    const pairs = new Set(
      small.map((r) => `${r.metadata?.recording_type}/${r.metadata?.helpdesk_info?.platform}`),
    );
    for (const type of RECORDING_TYPES)
      for (const platform of HELPDESK_PLATFORMS) expect(pairs).toContain(`${type}/${platform}`);
  });

  it('labels each source as its platform does and fills the ids that platform has', () => {
    const labels: Record<string, string[]> = {
      zendesk: ['Zendesk Ticket'],
      intercom: ['Intercom Operator', 'Intercom Messenger'],
      freshdesk: ['Freshdesk Ticket'],
      freshdesk_chat: ['Freshdesk Chat'],
      helpscout: ['Help Scout Conversation'],
      jira: ['Jira Issue'],
      'screendesk app': ['Screendesk App'],
    };
    const idKey: Record<string, string | null> = {
      zendesk: 'ticket_id',
      freshdesk: 'ticket_id',
      intercom: 'conversation_id',
      helpscout: 'conversation_id',
      freshdesk_chat: 'conversation_id',
      jira: 'issue_id',
      'screendesk app': null,
    };
    const seenLabels = new Set<string>();
    for (const r of data) {
      const info = r.metadata?.helpdesk_info ?? {};
      const platform = info.platform as string;
      expect(labels[platform]).toContain(r.metadata?.recording_source);
      seenLabels.add(r.metadata?.recording_source as string);
      const ids = Object.entries(info)
        .filter(([k, v]) => k.endsWith('_id') && v !== null)
        .map(([k]) => k);
      const main = idKey[platform];
      if (main) expect(ids).toContain(main);
      else expect(ids).toEqual([]);
      for (const id of ids) expect(typeof info[id as keyof typeof info]).toBe('string');
    }
    expect([...seenLabels].sort()).toEqual(Object.values(labels).flat().sort());
  });

  it('gives live recordings 2–6 participants with devices and times, and others room_insights null', () => {
    for (const r of data) {
      if (r.metadata?.recording_type !== 'Live') {
        expect(r.room_insights).toBeNull();
        continue;
      }
      const room = r.room_insights;
      const people = room?.participants_insights ?? [];
      expect(people.length).toBeGreaterThanOrEqual(2);
      expect(people.length).toBeLessThanOrEqual(6);
      expect(room?.total_unique_participants).toBe(people.length);
      for (const p of people) {
        expect(ms(p.joined_at ?? undefined)).toBeGreaterThanOrEqual(ms(room?.started_at ?? undefined));
        if (p.left_at) expect(ms(p.left_at)).toBeGreaterThanOrEqual(ms(p.joined_at ?? undefined));
      }
    }
    const browsers = new Set(
      data.flatMap((r) => r.room_insights?.participants_insights?.map((p) => p.browser) ?? []),
    );
    expect(browsers.size).toBeGreaterThan(4);
  });

  it('leaves nullable fields null in a share of recordings', () => {
    const share = (pick: (r: Recording) => unknown): number =>
      data.filter((r) => pick(r) === null).length / data.length;
    for (const pick of [
      (r: Recording) => r.title,
      (r: Recording) => r.summary,
      (r: Recording) => r.description,
      (r: Recording) => r.console_logs,
      (r: Recording) => r.metadata?.duration,
      (r: Recording) => r.customer?.email,
      (r: Recording) => r.user,
      (r: Recording) => r.technical_details?.isp,
    ]) {
      expect(share(pick)).toBeGreaterThan(0.005);
      expect(share(pick)).toBeLessThan(0.95);
    }
  });

  it('mixes scripts: accents, Polish, CJK, emoji and right-to-left text', () => {
    const text = data.map((r) => `${r.title} ${r.user?.name} ${r.summary}`).join('\n');
    for (const sample of ['Café', 'Müller', 'Łódź', 'ログイン', '🚀', 'مشكلة', 'הכפתור'])
      expect(text).toContain(sample);
  });

  it('carries console logs of every level, stack traces, some tens of KB long', () => {
    const logs = data.map((r) => r.console_logs).filter((l): l is string => l !== null && l !== undefined);
    const joined = logs.join('\n');
    for (const level of ['[error]', '[warn]', '[info]', '[log]']) expect(joined).toContain(level);
    expect(joined).toMatch(/\n {4}at \S+/);
    expect(logs.some((l) => l.length > 20_000)).toBe(true);
    expect(logs.filter((l) => l.length > 20_000).length).toBeLessThan(logs.length / 20);
  });

  it('includes markup injection attempts in a title and in console logs near the top', () => {
    const top = generateRecordings(12);
    expect(
      top.some((r) => r.title?.includes('<img src=x onerror=alert(1)>') || r.title?.includes('<script>')),
    ).toBe(true);
    const logs = top.map((r) => r.console_logs ?? '').join('\n');
    expect(logs).toContain('<script>alert("xss")</script>');
    expect(logs).toContain('<img src=x onerror=alert(1)>');
  });

  it('spreads recordings over a handful of agents, the member owning a realistic share', () => {
    const owners = new Set(data.map((r) => r.user?.email ?? null));
    expect([...owners].filter(Boolean).sort()).toEqual(DEMO_AGENTS.map((a) => a.email).sort());
    const mine = data.filter((r) => r.user?.email === DEMO_MEMBER_EMAIL).length / data.length;
    expect(mine).toBeGreaterThan(0.05);
    expect(mine).toBeLessThan(0.4);
  });
});

describe('mutation API', () => {
  it('add() puts new recordings on top, newer than everything, newest first', () => {
    const store = new DemoDataStore({ recordings: 20 });
    const newestBefore = ms(store.list()[0]?.metadata?.created_at);
    const added = store.add(3);
    expect(store.size()).toBe(23);
    expect(store.uuids().slice(0, 3)).toEqual(added.map((r) => r.uuid));
    const times = added.map((r) => ms(r.metadata?.created_at));
    expect(times[2]).toBeGreaterThan(newestBefore);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(store.get(added[0]?.uuid as string)).toEqual(added[0]);
  });

  it('remove() deletes once and reports whether it did', () => {
    const store = new DemoDataStore({ recordings: 5 });
    const uuid = store.uuids()[2] as string;
    expect(store.remove(uuid)).toBe(true);
    expect(store.remove(uuid)).toBe(false);
    expect(store.get(uuid)).toBeUndefined();
    expect(store.size()).toBe(4);
    expect(store.uuids()).not.toContain(uuid);
  });

  it('update() changes the given fields, bumps updated_at strictly, and persists', () => {
    const store = new DemoDataStore({ recordings: 5 });
    const before = store.list()[1] as Recording;
    const first = store.update(before.uuid as string, { title: 'One', summary: undefined });
    const second = store.update(before.uuid as string, { description: null });
    expect(first).toMatchObject({ title: 'One', summary: before.summary, description: before.description });
    expect(second).toMatchObject({ title: 'One', description: null });
    expect(ms(first?.metadata?.updated_at)).toBeGreaterThan(ms(before.metadata?.updated_at));
    expect(ms(second?.metadata?.updated_at)).toBeGreaterThan(ms(first?.metadata?.updated_at));
    expect(store.get(before.uuid as string)).toEqual(second);
    expect(store.update('missing', { title: 'x' })).toBeUndefined();
  });

  it('update() with unchanged values leaves updated_at alone', () => {
    const store = new DemoDataStore({ recordings: 5 });
    const before = store.list()[0] as Recording;
    expect(store.update(before.uuid as string, { title: before.title })).toEqual(before);
  });

  it('returns copies: editing a returned recording does not change the data set', () => {
    const store = new DemoDataStore({ recordings: 3 });
    const copy = store.list()[0] as Recording;
    const title = copy.title;
    copy.title = 'scribbled';
    expect(store.get(copy.uuid as string)?.title).toBe(title);
  });
});

describe('scale', () => {
  it('generates 100,000 recordings with unique uuids, newest first, without building them all', () => {
    const store = new DemoDataStore({ recordings: 100_000 });
    expect(store.size()).toBe(100_000);
    const uuids = store.uuids();
    expect(new Set(uuids).size).toBe(100_000);
    const sample = [0, 1, 50_000, 99_998, 99_999].map((i) => store.get(uuids[i] as string));
    const times = sample.map((r) => ms(r?.metadata?.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(sample.every((r, i) => r?.uuid === uuids[[0, 1, 50_000, 99_998, 99_999][i] as number])).toBe(true);
  });
});
