import type { Recording } from '../../shared/screendesk-api';
import { recordingSchema } from './recording-schema';
import { isUsableUuid } from './url';

/**
 * One recording as fetched: a typed view that is safe to read, and the server's JSON untouched (same
 * object, never mutated), which is what the cache stores so fields we do not know yet survive.
 */
export interface RecordingEntry {
  uuid: string;
  recording: Recording & { uuid: string };
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

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads one recording; null when it is not an object with a usable uuid (nothing else is fatal). The
 * typed view is parsed on first use: a sync stores `raw` and never reads it, and parsing every record of
 * every page cost a tenth of a sync's time.
 */
export function parseRecordingEntry(value: unknown): RecordingEntry | null {
  if (!isPlainObject(value) || !isUsableUuid(value.uuid)) return null;
  const uuid = value.uuid;
  let recording: (Recording & { uuid: string }) | undefined;
  return {
    uuid,
    raw: value,
    get recording() {
      // Every field catches, so parsing only fails on something truly exotic (a getter that throws…),
      // which JSON never produces; the uuid alone is still a valid recording.
      recording ??= recordingSchema.safeParse(value).data ?? { uuid };
      return recording;
    },
  };
}

/** Reads a GET /recordings answer; null when it is not an object holding a `records` array. */
export function parseRecordingList(body: unknown): ParsedList | null {
  if (!isPlainObject(body) || !Array.isArray(body.records)) return null;
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
