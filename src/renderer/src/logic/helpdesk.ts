// The helpdesk a recording belongs to, and a link to its ticket or conversation where the URL can be
// formed from the data alone. Zendesk, Freshdesk and Jira URLs need the customer's own domain and
// Intercom's need the workspace id, none of which the API sends: those ids are shown without a link
// rather than guessed. Help Scout serves every conversation at one fixed address by its id.
import { isHelpdeskPlatform, PLATFORM_LABELS } from '@shared/screendesk-api';
import { objectOf } from '@shared/json-object';

/** A helpdesk id to show, with a link when one can be formed. */
interface HelpdeskRow {
  label: string;
  value: string;
  url: string | null;
}

/** Everything the helpdesk section shows. */
export interface HelpdeskView {
  platform: string | null;
  platformLabel: string;
  rows: HelpdeskRow[];
}

/** A platform's name for people ("Help Scout"), or the value as sent for one we don't know. */
export function platformLabel(platform: string | null | undefined): string {
  if (!platform) return 'None';
  // Customer data: looked up only among the known platforms, never on the object's prototype.
  return isHelpdeskPlatform(platform) ? PLATFORM_LABELS[platform] : platform;
}

const FIELDS: readonly { key: string; label: string }[] = [
  { key: 'ticket_id', label: 'Ticket' },
  { key: 'conversation_id', label: 'Conversation' },
  { key: 'issue_id', label: 'Issue' },
  { key: 'customer_id', label: 'Customer id' },
  { key: 'user_id', label: 'User id' },
  { key: 'operator_id', label: 'Operator id' },
];

function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** The URL of a ticket/conversation/issue, or null where it cannot be known from the data. */
function helpdeskUrl(platform: string | null, key: string, id: string): string | null {
  if (platform === 'helpscout' && key === 'conversation_id' && /^\d{1,20}$/.test(id)) {
    return `https://secure.helpscout.net/conversation/${id}`;
  }
  return null;
}

/** Reads helpdesk_info defensively into rows to show. */
export function helpdeskView(info: unknown): HelpdeskView {
  const obj = objectOf(info);
  const platform = text(obj.platform);
  const rows: HelpdeskRow[] = [];
  for (const { key, label } of FIELDS) {
    const value = text(obj[key]);
    if (value !== null) rows.push({ label, value, url: helpdeskUrl(platform, key, value) });
  }
  return { platform, platformLabel: platformLabel(platform), rows };
}
