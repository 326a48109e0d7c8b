// Defensive extraction of the list, filter and sort columns from a server record. The server's JSON is
// kept whole in recording_payloads.raw (the search index reads its text from there, in SQL); these
// columns only serve filtering, sorting and lists, so anything missing or of an unexpected type becomes
// NULL instead of an error: one odd record must never stop a sync.
import { createHash } from 'node:crypto';
import { foldText } from '../../shared/fold';
import {
  HELPDESK_ID_FIELDS,
  TECHNICAL_FIELDS,
  TICKET_ID_FIELDS,
  agentText,
  readRecordingFields,
} from '../../shared/server-json';
import { cjkColumn } from '../search/cjk';
import { facetTokens } from '../search/facets';
import type { recordingPayloads, recordings } from './schema';
import { HELPDESK_PLATFORMS, RECORDING_TYPES } from '../../shared/screendesk-api';

/**
 * The columns of a `recordings` row and of its `recording_payloads` row that are derived from the raw
 * JSON, typed from the drizzle tables (src/main/db/schema.ts documents each one), plus its ticket ids.
 */
export type RecordingColumns = Omit<typeof recordings.$inferSelect, 'id'> &
  Omit<typeof recordingPayloads.$inferSelect, 'id' | 'raw' | 'searchDigest'> & {
    /** Always computed here; the column is NULL only for rows stored before it existed. */
    searchDigest: string;
    /** Helpdesk ticket/conversation/issue ids, lower-cased and de-duplicated, for `ticket:`. */
    ticketIds: string[];
  };

const MAX_TICKET_ID_LENGTH = 200;

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
  const r = readRecordingFields(record);
  const uuid = r.uuid;
  if (uuid === null || uuid.trim() === '') return null;

  const { title, summary, description, consoleLogs: logs, customerEmail, userEmail, userName } = r;
  const platform = canonical(r.platform, HELPDESK_PLATFORMS);
  const source = r.source;

  const ticketIds = new Set<string>();
  for (const f of TICKET_ID_FIELDS) {
    const id = r.helpdeskIds[f];
    if (id !== null) ticketIds.add(id.slice(0, MAX_TICKET_ID_LENGTH).toLowerCase());
  }

  const recordingType = canonical(r.recordingType, RECORDING_TYPES);
  const hasLogs = logs !== null && logs.trim() !== '';
  const hasSummary = summary !== null && summary.trim() !== '';
  const searchFacets = facetTokens({ recordingType, platform, hasLogs, hasSummary });
  const searchMeta = joinText([
    source,
    platform,
    uuid,
    ...HELPDESK_ID_FIELDS.map((f) => r.helpdeskIds[f]),
    ...TECHNICAL_FIELDS.map((f) => r.technical[f]),
    ...r.participantNames,
  ]);
  // The values the index's source view reads for its other columns (drizzle/0013_recordings_fts_v6.sql),
  // in its column order: a JSON string's text, else NULL; the agent is concat_ws(' ', name, email).
  const searchCjk = cjkColumn([title, summary, description, customerEmail, agentText(r), searchMeta, logs]);
  return {
    uuid,
    title,
    summary,
    titleFolded: title === null ? null : foldText(title),
    summaryFolded: summary === null ? null : foldText(summary),
    recordingType,
    platform,
    source,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    duration: r.duration,
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
