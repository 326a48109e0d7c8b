import { describe, expect, it } from 'vitest';
import { readRecording, timelineBars } from '../../src/renderer/src/logic/recording';
import { startDemoServer } from '../../src/main/demo';
import { DemoDataStore } from '../../src/main/demo/data-store';

describe('reading a recording', () => {
  it('reads every field of a demo recording', () => {
    const data = new DemoDataStore({ recordings: 50, seed: 3 });
    const live = data.list().find((r) => r.metadata?.recording_type === 'Live');
    expect(live).toBeDefined();
    const view = readRecording(live as unknown as Record<string, unknown>);
    expect(view.uuid).toBe(live?.uuid);
    expect(view.type).toBe('Live');
    expect(view.createdAt).toBe(live?.metadata?.created_at);
    expect(view.room?.participants.length).toBe(live?.room_insights?.participants_insights?.length);
  });

  it('survives missing and wrongly typed fields', () => {
    const view = readRecording({
      uuid: 'u1',
      title: 42,
      metadata: { duration: '90', impressions_count: 'many', helpdesk_info: null },
      user: null,
      customer: 'nobody',
      room_insights: { participants_insights: 'none' },
    });
    expect(view.title).toBeNull();
    expect(view.duration).toBe(90);
    expect(view.views).toBeNull();
    expect(view.agentName).toBeNull();
    expect(view.customerEmail).toBeNull();
    expect(view.room?.participants).toEqual([]);
  });

  it('has no room for a non-live recording', () => {
    expect(readRecording({ uuid: 'x', room_insights: null }).room).toBeNull();
  });

  it('has no room when room_insights is not an object (an empty "Live call" section otherwise)', () => {
    for (const room_insights of [[], [{ started_at: '2026-01-01T10:00:00Z' }], 'none', 3]) {
      expect(readRecording({ uuid: 'x', room_insights }).room).toBeNull();
    }
  });
});

describe('call timeline', () => {
  const room = {
    startedAt: '2026-01-01T10:00:00Z',
    endedAt: '2026-01-01T10:10:00Z',
    duration: 600,
    participantMinutes: null,
    uniqueParticipants: 2,
    participants: [
      {
        id: 'a',
        name: 'Host',
        role: 'host',
        browser: null,
        os: null,
        device: null,
        deviceType: null,
        joinedAt: '2026-01-01T10:00:00Z',
        leftAt: '2026-01-01T10:10:00Z',
      },
      {
        id: 'b',
        name: null,
        role: null,
        browser: null,
        os: null,
        device: null,
        deviceType: null,
        joinedAt: '2026-01-01T10:05:00Z',
        leftAt: null,
      },
    ],
  };

  it('places each participant between join and leave', () => {
    expect(timelineBars(room)).toEqual([
      { id: 'a', label: 'Host', start: 0, end: 1, openEnded: false },
      { id: 'b', label: 'Participant 2', start: 0.5, end: 1, openEnded: true },
    ]);
  });

  it('draws nothing when the call has no usable start and end', () => {
    expect(timelineBars({ ...room, endedAt: null })).toEqual([]);
    expect(timelineBars({ ...room, endedAt: room.startedAt })).toEqual([]);
  });
});

describe('demo server data', () => {
  it('is what the recording view reads (a served recording round-trips)', async () => {
    const server = await startDemoServer({ recordings: 5 });
    try {
      const uuid = server.data.uuids()[0] ?? '';
      const res = await fetch(`${server.url}/recordings/${uuid}`, {
        headers: { Authorization: `Bearer ${server.adminToken}` },
      });
      const body = (await res.json()) as Record<string, unknown>;
      const rec = (body.recording ?? body) as Record<string, unknown>;
      expect(readRecording(rec).uuid).toBe(uuid);
    } finally {
      await server.close();
    }
  });
});
