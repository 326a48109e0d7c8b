// The one reader of the server's JSON. A recording is customer-controlled and the server's JSON is
// untrusted: any field may be missing, null, of another type or unknown to us. Everything that needs a
// typed value out of it (the cache's columns, the search snippets, the outbox's view of the server's
// values, the CLI, the renderer) reads it through these functions and json-object.ts's objectOf, which
// never throw: a value of an
// unexpected type reads as absent, so one odd field never costs the record (nor a sync). The JSON itself
// is never changed: the cache stores it whole, fields we do not know yet included.
// Pure TypeScript: no Node, no DOM.
import { objectOf } from './json-object';
import { parseServerTimestamp } from './server-time';

/** A string value as sent (empty included), else null. */
export function textOf(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** A finite number, else null (a numeric string is not a number here). */
function finiteNumberOf(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** An id: specified as a string, but a numeric id is still clearly an id. Trimmed; blank reads as null. */
function idTextOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** The helpdesk ids of a recording (metadata.helpdesk_info), the first three naming its ticket. */
export const HELPDESK_ID_FIELDS = [
  'ticket_id',
  'conversation_id',
  'issue_id',
  'user_id',
  'operator_id',
  'customer_id',
] as const;
/** The ids that name a recording's ticket, conversation or issue (what `ticket:` finds). */
export const TICKET_ID_FIELDS = HELPDESK_ID_FIELDS.slice(0, 3);
/** The technical details of a recording (technical_details) that are searchable text. */
export const TECHNICAL_FIELDS = ['vendor', 'ip_address', 'timezone', 'network_type', 'isp'] as const;

/** A server recording read into the values the app works with; each one is null when absent or odd. */
interface RecordingFields {
  uuid: string | null;
  title: string | null;
  summary: string | null;
  description: string | null;
  consoleLogs: string | null;
  customerEmail: string | null;
  userName: string | null;
  userEmail: string | null;
  /** metadata.recording_type as sent (not checked against the known types). */
  recordingType: string | null;
  /** metadata.recording_source. */
  source: string | null;
  /** metadata.helpdesk_info.platform as sent (not checked against the known platforms). */
  platform: string | null;
  /** Epoch ms of metadata.created_at (see src/shared/server-time.ts). */
  createdAt: number | null;
  updatedAt: number | null;
  /** metadata.duration, in seconds. */
  duration: number | null;
  helpdeskIds: Record<(typeof HELPDESK_ID_FIELDS)[number], string | null>;
  technical: Record<(typeof TECHNICAL_FIELDS)[number], string | null>;
  /** room_insights.participants_insights[].display_name, one per listed participant. */
  participantNames: (string | null)[];
}

function pick<K extends string>(
  from: Readonly<Record<string, unknown>>,
  keys: readonly K[],
  read: (v: unknown) => string | null,
): Record<K, string | null> {
  const out = {} as Record<K, string | null>;
  for (const k of keys) out[k] = read(from[k]);
  return out;
}

/** Reads a server recording; never throws, whatever `record` is (a non-object reads as all absent). */
export function readRecordingFields(record: unknown): RecordingFields {
  const r = objectOf(record);
  const metadata = objectOf(r.metadata);
  const helpdesk = objectOf(metadata.helpdesk_info);
  const user = objectOf(r.user);
  const participants = objectOf(r.room_insights).participants_insights;
  return {
    uuid: textOf(r.uuid),
    title: textOf(r.title),
    summary: textOf(r.summary),
    description: textOf(r.description),
    consoleLogs: textOf(r.console_logs),
    customerEmail: textOf(objectOf(r.customer).email),
    userName: textOf(user.name),
    userEmail: textOf(user.email),
    recordingType: textOf(metadata.recording_type),
    source: textOf(metadata.recording_source),
    platform: textOf(helpdesk.platform),
    createdAt: parseServerTimestamp(metadata.created_at),
    updatedAt: parseServerTimestamp(metadata.updated_at),
    duration: finiteNumberOf(metadata.duration),
    helpdeskIds: pick(helpdesk, HELPDESK_ID_FIELDS, idTextOf),
    technical: pick(objectOf(r.technical_details), TECHNICAL_FIELDS, textOf),
    participantNames: Array.isArray(participants)
      ? participants.map((p) => textOf(objectOf(p).display_name))
      : [],
  };
}

/** The agent as the search index reads it: `concat_ws(' ', name, email)`, empty without either. */
export function agentText(r: Pick<RecordingFields, 'userName' | 'userEmail'>): string {
  return [r.userName, r.userEmail].filter((v): v is string => v !== null).join(' ');
}
