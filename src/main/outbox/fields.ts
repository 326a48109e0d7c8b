// The values of the fields an edit can change, as a server record holds them: a string or null (a
// missing field reads as null, as the server would show it), and an edit laid over a record.
import type { EditableField } from '../../shared/edit-rules';
import type { FieldValues } from '../../shared/field-values';
import { ordered } from '../../shared/field-values';
import { objectOf } from '../../shared/json-object';
import { textOf } from '../../shared/server-json';

// The value helpers live with the type in src/shared/field-values.ts (the cache's outbox table stores
// them too); the outbox's modules reach them through this file.
export type { FieldValues } from '../../shared/field-values';
export { fieldsOf } from '../../shared/field-values';

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

/** A copy of `record` with `values` laid over it: what the user sees while an edit is queued. */
export function overlay(record: Record<string, unknown>, values: FieldValues): Record<string, unknown> {
  return { ...record, ...ordered(values) };
}
