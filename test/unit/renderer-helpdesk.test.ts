import { describe, expect, it } from 'vitest';
import { helpdeskView, platformLabel } from '../../src/renderer/src/logic/helpdesk';
import { isExternalLink } from '../../src/shared/links';

describe('helpdesk links', () => {
  it('links a Help Scout conversation: its address needs only the id', () => {
    const v = helpdeskView({ platform: 'helpscout', conversation_id: '1234567890', customer_id: '42' });
    expect(v.platformLabel).toBe('Help Scout');
    expect(v.rows).toEqual([
      {
        label: 'Conversation',
        value: '1234567890',
        url: 'https://secure.helpscout.net/conversation/1234567890',
      },
      { label: 'Customer id', value: '42', url: null },
    ]);
  });

  it('never invents a domain: Zendesk, Freshdesk, Intercom and Jira ids stay unlinked', () => {
    for (const info of [
      { platform: 'zendesk', ticket_id: '4821' },
      { platform: 'freshdesk', ticket_id: '77' },
      { platform: 'intercom', conversation_id: '215612345678901' },
      { platform: 'jira', issue_id: 'SUP-12' },
    ]) {
      expect(
        helpdeskView(info).rows.every((r) => r.url === null),
        info.platform,
      ).toBe(true);
    }
  });

  it('does not link an id that is not a plain number', () => {
    const v = helpdeskView({ platform: 'helpscout', conversation_id: '12/../../evil' });
    expect(v.rows[0]?.url).toBeNull();
  });

  it('reads odd input without throwing', () => {
    expect(helpdeskView(null).rows).toEqual([]);
    expect(helpdeskView({ platform: 7, ticket_id: 12 }).rows).toEqual([
      { label: 'Ticket', value: '12', url: null },
    ]);
    expect(platformLabel('newdesk')).toBe('newdesk');
  });

  it('names a platform it does not know as sent, even one spelt like an object property', () => {
    // The platform is customer data: "constructor" must not read Object.prototype's function.
    for (const platform of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(platformLabel(platform)).toBe(platform);
      expect(helpdeskView({ platform }).platformLabel).toBe(platform);
    }
  });

  it('opens only https URLs', () => {
    expect(isExternalLink('https://app.screendesk.io/r/abc')).toBe(true);
    expect(isExternalLink('http://app.screendesk.io/')).toBe(false);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
    expect(isExternalLink('file:///etc/passwd')).toBe(false);
    expect(isExternalLink(undefined)).toBe(false);
  });
});
