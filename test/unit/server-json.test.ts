// The one reader of the server's JSON: customer data of any shape reads as typed values or as absent,
// never as an error, and the JSON it reads is left as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecordingEntry } from '../../src/main/api';
import { isRecord, objectOf } from '../../src/shared/json-object';
import { readRecordingFields, textOf } from '../../src/shared/server-json';

const UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('readRecordingFields', () => {
  it('reads every value the app works with out of a complete record', () => {
    const r = readRecordingFields({
      uuid: UUID,
      title: 'Checkout bug',
      summary: '',
      description: null,
      console_logs: '[error] boom',
      metadata: {
        created_at: '2024-05-01T10:00:00Z',
        updated_at: '2024-05-02T10:00:00+02:00',
        duration: 61.5,
        recording_type: 'Received',
        recording_source: 'Zendesk Ticket',
        helpdesk_info: { platform: 'zendesk', ticket_id: ' 123 ', conversation_id: 77, user_id: '' },
      },
      technical_details: { vendor: 'Apple', ip_address: '10.0.0.1', isp: 3 },
      customer: { email: 'ana@acme.test' },
      user: { name: 'Marcus', email: 'marcus@support.test' },
      room_insights: { participants_insights: [{ display_name: 'Ann' }, { display_name: 'Björn' }] },
    });
    expect(r).toEqual({
      uuid: UUID,
      title: 'Checkout bug',
      summary: '',
      description: null,
      consoleLogs: '[error] boom',
      customerEmail: 'ana@acme.test',
      userName: 'Marcus',
      userEmail: 'marcus@support.test',
      recordingType: 'Received',
      source: 'Zendesk Ticket',
      platform: 'zendesk',
      createdAt: Date.UTC(2024, 4, 1, 10),
      updatedAt: Date.UTC(2024, 4, 2, 8),
      duration: 61.5,
      helpdeskIds: {
        ticket_id: '123',
        conversation_id: '77',
        issue_id: null,
        user_id: null,
        operator_id: null,
        customer_id: null,
      },
      technical: { vendor: 'Apple', ip_address: '10.0.0.1', timezone: null, network_type: null, isp: null },
      participantNames: ['Ann', 'Björn'],
    });
  });

  // Moved from api-parse.test.ts, where it read the deleted typed view: the fetched entry keeps the odd
  // values as sent, and the reader reads them as absent.
  it('reads wrong types as absent and leaves the JSON as it was', () => {
    const raw = {
      uuid: UUID,
      title: 42,
      summary: { html: '<b>x</b>' },
      metadata: {
        created_at: 1714557600,
        duration: 'long',
        recording_type: 'Meeting',
        helpdesk_info: 'zendesk',
      },
      technical_details: 'n/a',
      user: ['me'],
      room_insights: { duration: '5', participants_insights: [{ display_name: 'Ann' }, 'bogus', null] },
      customer: null,
    };
    const snapshot = structuredClone(raw);
    const entry = parseRecordingEntry(raw);
    expect(entry?.raw).toEqual(snapshot);
    const r = readRecordingFields(entry?.raw);
    expect(r).toMatchObject({
      uuid: UUID,
      title: null,
      summary: null,
      createdAt: null,
      duration: null,
      // Unknown values are kept as sent: the cache canonicalises the known ones (src/main/db/extract.ts).
      recordingType: 'Meeting',
      platform: null,
      customerEmail: null,
      userName: null,
      userEmail: null,
    });
    expect(Object.values(r.technical).every((v) => v === null)).toBe(true);
    expect(Object.values(r.helpdeskIds).every((v) => v === null)).toBe(true);
    // One slot per listed participant, so a malformed one costs only its own name.
    expect(r.participantNames).toEqual(['Ann', null, null]);
    expect(raw).toEqual(snapshot);
  });

  it('reads a record with nothing but a uuid, and a non-record as all absent', () => {
    expect(readRecordingFields({ uuid: UUID })).toMatchObject({
      uuid: UUID,
      title: null,
      participantNames: [],
    });
    for (const value of [null, 'x', 5, [], [{ uuid: UUID }], { uuid: 42 }]) {
      expect(readRecordingFields(value)).toMatchObject({ uuid: null, title: null, createdAt: null });
    }
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.jsonValue(), (a, b) => {
        readRecordingFields(a);
        readRecordingFields({
          uuid: UUID,
          metadata: a,
          user: b,
          room_insights: { participants_insights: a },
        });
        readRecordingFields(typeof b === 'object' && b !== null ? { ...b, uuid: UUID } : b);
      }),
    );
  });
});

describe('the value readers', () => {
  it('tell objects from arrays and null', () => {
    expect([{}, { a: 1 }, Object.create(null)].every(isRecord)).toBe(true);
    expect([null, [], 'x', 1, undefined].some(isRecord)).toBe(false);
    expect(objectOf([1, 2])).toEqual({});
    expect(objectOf({ a: 1 })).toEqual({ a: 1 });
  });

  it('take strings, finite numbers and ids only where they are of their type', () => {
    expect([textOf(''), textOf('a'), textOf(5), textOf(null)]).toEqual(['', 'a', null, null]);
    const durations = [3, '3', NaN, Infinity, null].map(
      (duration) => readRecordingFields({ metadata: { duration } }).duration,
    );
    expect(durations).toEqual([3, null, null, null, null]);
    const ids = [' A-1 ', 1234, '  ', NaN, {}].map(
      (ticket_id) =>
        readRecordingFields({ metadata: { helpdesk_info: { ticket_id } } }).helpdeskIds.ticket_id,
    );
    expect(ids).toEqual(['A-1', '1234', null, null, null]);
  });
});
