import { describe, expect, it } from 'vitest';
import { extractColumns } from '../../src/main/db/extract';
import { parseServerTimestamp } from '../../src/shared/server-time';
import { recording } from '../helpers/db-fixtures';

describe('extractColumns', () => {
  it('reads the list, filter and sort columns of a complete record', () => {
    const c = extractColumns(
      recording({
        uuid: 'u-1',
        title: 'Checkout fails',
        summary: 'It fails.',
        console_logs: '[error] boom',
        metadata: {
          created_at: '2026-01-10T12:00:00Z',
          duration: 42.5,
          recording_type: 'Live',
          helpdesk_info: { platform: 'jira', ticket_id: null, issue_id: 'SUP-7', conversation_id: 'C9' },
        },
        customer: { email: 'zoe@acme.com' },
        user: { email: 'sato@support.example', name: 'Misaki Sato' },
        room_insights: { participants_insights: [{ display_name: 'Björn' }, { display_name: 7 }, 'x'] },
      }),
    );
    expect(c).toMatchObject({
      uuid: 'u-1',
      title: 'Checkout fails',
      summary: 'It fails.',
      recordingType: 'Live',
      platform: 'jira',
      createdAt: Date.UTC(2026, 0, 10, 12),
      duration: 42.5,
      customerEmail: 'zoe@acme.com',
      userEmail: 'sato@support.example',
      userName: 'Misaki Sato',
      hasLogs: true,
      hasSummary: true,
      ticketIds: ['c9', 'sup-7'],
    });
    expect(c?.searchMeta).toContain('Björn');
    expect(c?.searchMeta).toContain('SUP-7');
  });

  it('turns missing or mistyped fields into NULL instead of failing', () => {
    const c = extractColumns({
      uuid: 'u-2',
      title: 12,
      summary: ['x'],
      metadata: { created_at: 'yesterday', duration: '60', recording_type: 5, helpdesk_info: 'zendesk' },
      customer: 'someone',
      user: null,
      console_logs: '   ',
      room_insights: { participants_insights: 'nobody' },
    });
    expect(c).toMatchObject({
      uuid: 'u-2',
      title: null,
      summary: null,
      createdAt: null,
      duration: null,
      recordingType: null,
      platform: null,
      customerEmail: null,
      userName: null,
      hasLogs: false,
      hasSummary: false,
      ticketIds: [],
    });
  });

  it('accepts numeric helpdesk ids', () => {
    expect(
      extractColumns({ uuid: 'u', metadata: { helpdesk_info: { ticket_id: 1234 } } })?.ticketIds,
    ).toEqual(['1234']);
  });

  it('canonicalises the case of known enums and keeps unknown values', () => {
    const c = extractColumns({
      uuid: 'u',
      metadata: { recording_type: 'live', helpdesk_info: { platform: 'Teams' } },
    });
    expect(c).toMatchObject({ recordingType: 'Live', platform: 'Teams' });
  });

  it('refuses records without a usable uuid', () => {
    for (const bad of [null, 'x', [], {}, { uuid: '' }, { uuid: '  ' }, { uuid: 3 }]) {
      expect(extractColumns(bad)).toBeNull();
    }
  });
});

describe('parseServerTimestamp (the columns read timestamps with it)', () => {
  it('reads ISO date-times with a zone, and takes one without a zone as UTC', () => {
    expect(parseServerTimestamp('2026-01-10T12:00:00+02:00')).toBe(Date.UTC(2026, 0, 10, 10));
    expect(parseServerTimestamp('2026-01-10T12:00:00')).toBe(Date.UTC(2026, 0, 10, 12));
  });

  it('returns null for anything else', () => {
    for (const bad of [undefined, null, 5, '', 'soon', '2026-13-45T00:00:00Z'])
      expect(parseServerTimestamp(bad)).toBeNull();
  });
});
