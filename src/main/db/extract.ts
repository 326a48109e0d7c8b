// Defensive extraction of the list, filter and sort columns from a server record. The server's JSON is
// kept whole in recording_payloads.raw (the search index reads its text from there, in SQL); these
// columns only serve filtering, sorting and lists, so anything missing or of an unexpected type becomes
// NULL instead of an error: one odd record must never stop a sync.
import { createHash } from 'node:crypto';
import type { HelpdeskPlatform, RecordingType } from '../../shared/screendesk-api';
import { foldText } from '../../shared/fold';
import { parseServerTimestamp } from '../../shared/server-time';
import { cjkColumn } from '../search/cjk';
import { facetTokens } from '../search/facets';
import { HELPDESK_PLATFORMS, RECORDING_TYPES } from '../../shared/screendesk-api';

/** The columns of a `recordings` row that are derived from its raw JSON. */
export interface RecordingColumns {
  uuid: string;
  title: string | null;
  summary: string | null;
  /** Title and summary folded for ranking (src/shared/fold.ts). */
  titleFolded: string | null;
  summaryFolded: string | null;
  recordingType: RecordingType | string | null;
  platform: HelpdeskPlatform | string | null;
  source: string | null;
  createdAt: number | null;
  updatedAt: number | null;
  duration: number | null;
  customerEmail: string | null;
  userEmail: string | null;
  userName: string | null;
  hasLogs: boolean;
  hasSummary: boolean;
  /** Searchable text without a field of its own; see recording_payloads.search_meta. */
  searchMeta: string | null;
  /** The index's facet tokens (src/main/search/facets.ts); see recording_payloads.search_facets. */
  searchFacets: string | null;
  /** The index's `cjk` column (src/main/search/cjk.ts), null without CJK text; see recording_payloads.search_cjk. */
  searchCjk: string | null;
  /** A digest of every value the search index holds for the record; see recording_payloads.search_digest. */
  searchDigest: string;
  /** Helpdesk ticket/conversation/issue ids, lower-cased and de-duplicated, for `ticket:`. */
  ticketIds: string[];
}

type Obj = Record<string, unknown>;

const TICKET_ID_FIELDS = ['ticket_id', 'conversation_id', 'issue_id'];
const HELPDESK_ID_FIELDS = [...TICKET_ID_FIELDS, 'user_id', 'operator_id', 'customer_id'];
const TECHNICAL_FIELDS = ['vendor', 'ip_address', 'timezone', 'network_type', 'isp'];
const MAX_TICKET_ID_LENGTH = 200;

function obj(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Ids are specified as strings, but a numeric id is still clearly an id: accept both. */
function idText(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function canonical<T extends string>(v: string | null, known: readonly T[]): T | string | null {
  if (v === null) return null;
  const lower = v.trim().toLowerCase();
  return known.find((k) => k.toLowerCase() === lower) ?? v;
}

function joinText(parts: (string | null)[]): string | null {
  const kept = parts.filter((p): p is string => p !== null && p.trim() !== '');
  return kept.length > 0 ? kept.join('\n') : null;
}

/**
 * A digest of the values the index reads (drizzle/0012_recordings_fts_v5.sql): equal digests, equal index
 * entries. Each value is followed by a separator that no text contains, and a missing one is told apart
 * from an empty one.
 */
function indexDigest(values: (string | null)[]): string {
  const hash = createHash('sha1');
  for (const v of values) hash.update(v === null ? '\u0000\u0001' : `${v}\u0000\u0000`);
  return hash.digest('base64');
}

/** The derived columns of `record`, or null when it has no usable uuid (it cannot be stored). */
export function extractColumns(record: unknown): RecordingColumns | null {
  const r = obj(record);
  const uuid = r ? str(r.uuid) : null;
  if (!r || uuid === null || uuid.trim() === '') return null;

  const metadata = obj(r.metadata) ?? {};
  const helpdesk = obj(metadata.helpdesk_info) ?? {};
  const customer = obj(r.customer) ?? {};
  const user = obj(r.user) ?? {};
  const technical = obj(r.technical_details) ?? {};
  const participants = obj(r.room_insights)?.participants_insights;

  const title = str(r.title);
  const summary = str(r.summary);
  const description = str(r.description);
  const logs = str(r.console_logs);
  const customerEmail = str(customer.email);
  const userEmail = str(user.email);
  const userName = str(user.name);
  const platform = canonical(str(helpdesk.platform), HELPDESK_PLATFORMS);
  const source = str(metadata.recording_source);

  const ticketIds = new Set<string>();
  for (const f of TICKET_ID_FIELDS) {
    const id = idText(helpdesk[f]);
    if (id !== null) ticketIds.add(id.slice(0, MAX_TICKET_ID_LENGTH).toLowerCase());
  }

  const recordingType = canonical(str(metadata.recording_type), RECORDING_TYPES);
  const hasLogs = logs !== null && logs.trim() !== '';
  const hasSummary = summary !== null && summary.trim() !== '';
  const searchFacets = facetTokens({ recordingType, platform, hasLogs, hasSummary });
  const searchMeta = joinText([
    source,
    platform,
    uuid,
    ...HELPDESK_ID_FIELDS.map((f) => idText(helpdesk[f])),
    ...TECHNICAL_FIELDS.map((f) => str(technical[f])),
    ...(Array.isArray(participants) ? participants.map((p) => str(obj(p)?.display_name)) : []),
  ]);
  // The values the index's source view reads for its other columns (drizzle/0013_recordings_fts_v6.sql),
  // in its column order: a JSON string's text, else NULL; the agent is concat_ws(' ', name, email).
  const agent = [userName, userEmail].filter((v): v is string => v !== null).join(' ');
  const searchCjk = cjkColumn([title, summary, description, customerEmail, agent, searchMeta, logs]);
  return {
    uuid,
    title,
    summary,
    titleFolded: title === null ? null : foldText(title),
    summaryFolded: summary === null ? null : foldText(summary),
    recordingType,
    platform,
    source,
    createdAt: parseServerTimestamp(metadata.created_at),
    updatedAt: parseServerTimestamp(metadata.updated_at),
    duration: num(metadata.duration),
    customerEmail,
    userEmail,
    userName,
    hasLogs,
    hasSummary,
    searchMeta,
    searchFacets,
    searchCjk,
    // searchCjk is left out: it is derived from values listed here (equal values, equal bigrams).
    searchDigest: indexDigest([
      title,
      summary,
      description,
      customerEmail,
      userName,
      userEmail,
      logs,
      searchMeta,
      searchFacets,
    ]),
    ticketIds: [...ticketIds],
  };
}
