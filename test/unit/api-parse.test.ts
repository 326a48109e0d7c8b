import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUsableUuid, parseRecordingEntry, parseRecordingList } from '../../src/main/api';

const UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

/** A recording as the spec describes it, every nullable field null where that is allowed. */
function full(): Record<string, unknown> {
  return {
    uuid: UUID,
    title: 'Checkout bug',
    summary: null,
    description: null,
    metadata: {
      created_at: '2024-05-01T10:00:00Z',
      updated_at: '2024-05-02T10:00:00Z',
      duration: null,
      impressions_count: 3,
      recording_type: 'Received',
      recording_source: 'Zendesk Ticket',
      url: 'https://app.screendesk.io/r/abc',
      helpdesk_info: { platform: 'zendesk', ticket_id: '123', conversation_id: null },
    },
    technical_details: {
      vendor: null,
      ip_address: '10.0.0.1',
      timezone: null,
      network_type: null,
      isp: null,
    },
    console_logs: null,
    customer: { email: null },
    user: null,
    room_insights: null,
  };
}

describe('parseRecordingEntry', () => {
  it('accepts every null the spec allows and changes nothing', () => {
    const raw = full();
    const snapshot = structuredClone(raw);
    const entry = parseRecordingEntry(raw);
    expect(entry?.uuid).toBe(UUID);
    expect(entry?.raw).toBe(raw);
    expect(raw).toEqual(snapshot);
  });

  it('keeps fields the spec does not know, at every level', () => {
    const raw = { ...full(), tags: ['a'], metadata: { created_at: '2024-01-01T00:00:00Z', team: 'Support' } };
    const entry = parseRecordingEntry(raw);
    expect(JSON.parse(JSON.stringify(entry?.raw))).toEqual(raw);
  });

  it('accepts a recording with nothing but a uuid', () => {
    expect(parseRecordingEntry({ uuid: UUID })).toEqual({ uuid: UUID, raw: { uuid: UUID } });
  });

  it.each([
    null,
    'x',
    5,
    [],
    [{ uuid: UUID }],
    {},
    { uuid: 42 },
    { uuid: '' },
    { uuid: '..' },
    { uuid: 'a b' },
  ])('skips %j (no usable uuid)', (value) => {
    expect(parseRecordingEntry(value)).toBeNull();
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.jsonValue(), (a, b) => {
        parseRecordingEntry(a);
        parseRecordingEntry(typeof b === 'object' && b !== null ? { ...b, uuid: UUID } : b);
        parseRecordingList({ records: [a, b] });
      }),
    );
  });
});

describe('parseRecordingList', () => {
  it('counts what it skipped', () => {
    const list = parseRecordingList({
      pagination: { count: 3 },
      records: [{ uuid: UUID }, { title: 'x' }, null],
    });
    expect(list).toMatchObject({ rawCount: 3, skipped: 2, rawPagination: { count: 3 } });
    expect(list?.entries.map((e) => e.uuid)).toEqual([UUID]);
  });

  it('refuses an answer that is not a list', () => {
    for (const body of [null, [], 'x', {}, { records: 'none' }, { records: { 0: {} } }]) {
      expect(parseRecordingList(body)).toBeNull();
    }
  });
});

describe('isUsableUuid', () => {
  it('takes ids that are safe in one path segment', () => {
    expect(isUsableUuid(UUID)).toBe(true);
    expect(isUsableUuid('rec_123')).toBe(true);
    for (const bad of ['', '.', '..', 'a\tb', 'x'.repeat(201), 5, null])
      expect(isUsableUuid(bad)).toBe(false);
  });
});
