// When an edit conflicts, field by field. A field conflicts when the server's current value is none of
// the values this edit may overwrite: the one the user started from (base), the one the edit carries, or
// the one a PATCH of ours last sent (which may have landed without us hearing the answer).
import type { EditableField } from '../../shared/edit-rules';
import type { FieldValues } from './fields';
import { fieldsOf } from './fields';

/** The parts of a stored edit that decide its conflicts. */
export interface ConflictSides {
  fields: FieldValues;
  base: FieldValues;
  sent: FieldValues | null;
}

/** Server values the edit may overwrite in `field`. */
function acceptableValues(edit: ConflictSides, field: EditableField): (string | null)[] {
  const out: (string | null)[] = [];
  for (const v of [edit.base[field], edit.fields[field], edit.sent?.[field]])
    if (v !== undefined) out.push(v);
  return out;
}

/** The edited fields whose server value in `theirs` the user never saw: those are in conflict. */
export function conflictingFields(edit: ConflictSides, theirs: FieldValues): EditableField[] {
  return fieldsOf(edit.fields).filter(
    (f) => theirs[f] !== undefined && !acceptableValues(edit, f).includes(theirs[f] ?? null),
  );
}
