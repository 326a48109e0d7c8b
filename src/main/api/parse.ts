import { isRecord } from '../../shared/json-object';
import { isUsableUuid } from './url';

/**
 * One recording as fetched: its uuid, and the server's JSON untouched (same object, never mutated), which
 * is what the cache stores so fields we do not know yet survive. Whoever needs typed values reads them out
 * of `raw` with src/shared/server-json.ts.
 */
export interface RecordingEntry {
  uuid: string;
  raw: Readonly<Record<string, unknown>>;
}

/** A list answer split into usable entries and the rest. */
export interface ParsedList {
  entries: RecordingEntry[];
  rawPagination: unknown;
  /** How many items the server put in `records` (usable or not): what a page slot count sees. */
  rawCount: number;
  /** Items dropped because they were not objects with a usable uuid. */
  skipped: number;
}

/** Reads one recording; null when it is not an object with a usable uuid (nothing else is fatal). */
export function parseRecordingEntry(value: unknown): RecordingEntry | null {
  if (!isRecord(value) || !isUsableUuid(value.uuid)) return null;
  return { uuid: value.uuid, raw: value };
}

/** Reads a GET /recordings answer; null when it is not an object holding a `records` array. */
export function parseRecordingList(body: unknown): ParsedList | null {
  if (!isRecord(body) || !Array.isArray(body.records)) return null;
  const entries: RecordingEntry[] = [];
  for (const item of body.records as unknown[]) {
    const entry = parseRecordingEntry(item);
    if (entry !== null) entries.push(entry);
  }
  return {
    entries,
    rawPagination: body.pagination,
    rawCount: body.records.length,
    skipped: body.records.length - entries.length,
  };
}
