// Small pure helpers over the values of the fields an edit can change (EDITABLE_FIELDS, declared with
// the edit rules in src/shared/edit-rules.ts). Values are what the server stores: a string or null (a
// missing field reads as null, as the server would show it).
import type { EditableField } from '../../shared/edit-rules';
import { EDITABLE_FIELDS } from '../../shared/edit-rules';
import { isRecord, objectOf } from '../../shared/json-object';
import { textOf } from '../../shared/server-json';

/** Some editable fields with their values (null clears summary/description; a title is never null in an edit). */
export type FieldValues = Partial<Record<EditableField, string | null>>;

/** The value of `field` in a server record: its string, else null (absent or of another type). */
export function serverValue(record: unknown, field: EditableField): string | null {
  return textOf(objectOf(record)[field]);
}

/** The server record's values of the given fields. */
export function serverValues(record: unknown, fields: Iterable<EditableField>): FieldValues {
  const out: FieldValues = {};
  for (const f of fields) out[f] = serverValue(record, f);
  return out;
}

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

/** A copy of `record` with `values` laid over it: what the user sees while an edit is queued. */
export function overlay(record: Record<string, unknown>, values: FieldValues): Record<string, unknown> {
  return { ...record, ...ordered(values) };
}
