// The values of the fields an edit can change (EDITABLE_FIELDS, with the edit rules in edit-rules.ts):
// a string or null, as the server stores them. Shared by the outbox's logic and the cache's outbox
// table, which stores them as JSON in a stable key order.
import type { EditableField } from './edit-rules';
import { EDITABLE_FIELDS } from './edit-rules';
import { isRecord } from './json-object';

/** Some editable fields with their values (null clears summary/description; a title is never null in an edit). */
export type FieldValues = Partial<Record<EditableField, string | null>>;

/** The fields set in `values`, in EDITABLE_FIELDS order. */
export function fieldsOf(values: FieldValues): EditableField[] {
  return EDITABLE_FIELDS.filter((f) => values[f] !== undefined);
}

/** `values` with its keys in EDITABLE_FIELDS order, so equal edits serialize to equal JSON. */
export function ordered(values: FieldValues): FieldValues {
  const out: FieldValues = {};
  for (const f of fieldsOf(values)) out[f] = values[f];
  return out;
}

/** Parses stored JSON of FieldValues; anything unexpected is dropped rather than trusted. */
export function parseValues(json: string | null): FieldValues | null {
  if (json === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  const out: FieldValues = {};
  for (const f of EDITABLE_FIELDS) {
    const v = parsed[f];
    if (typeof v === 'string' || v === null) out[f] = v;
  }
  return out;
}
