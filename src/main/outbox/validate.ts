// The checks an edit passes before it is queued: the API's rules (src/shared/edit-rules.ts, which the
// editor checks too), and the shape of what arrived, since an edit may come from sdesk or a script.
// Refusing here, offline, beats a 422 hours later on the train; the server may still refuse for rules the
// spec does not state, and that answer is kept on the edit (see sync/push.ts).
import type { EditableField } from '../../shared/edit-rules';
import { EDITABLE_FIELDS, isEditableField, TITLE_BLANK, titleProblem } from '../../shared/edit-rules';
import { isRecord } from '../../shared/json-object';
import { OutboxError } from './errors';
import type { FieldValues } from './fields';

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  return v === null ? 'null' : `a ${typeof v}`;
}

/** The edit as FieldValues, or an OutboxError('validation') saying plainly what is wrong. */
export function validateEdit(input: unknown): FieldValues {
  if (!isRecord(input)) throw new OutboxError('validation', 'An edit must name the fields it changes.');
  const unknown = Object.keys(input).filter((k) => !isEditableField(k));
  if (unknown.length > 0) {
    throw new OutboxError(
      'validation',
      `Only title, summary and description can be edited (not ${unknown.map((k) => `"${k.slice(0, 40)}"`).join(', ')}).`,
    );
  }
  const out: FieldValues = {};
  for (const field of EDITABLE_FIELDS) {
    const value = input[field];
    // An explicit undefined means "not changing this field", as it does in an object spread.
    if (value === undefined) continue;
    out[field] = field === 'title' ? checkTitle(value) : checkText(field, value);
  }
  if (Object.keys(out).length === 0) {
    throw new OutboxError('validation', 'Nothing to change: give a title, a summary or a description.');
  }
  return out;
}

function checkTitle(value: unknown): string {
  if (typeof value === 'string') {
    const problem = titleProblem(value);
    if (problem === null) return value;
    throw new OutboxError('validation', problem);
  }
  // The server reads a null title as a blank one.
  if (value === null) throw new OutboxError('validation', TITLE_BLANK);
  throw new OutboxError('validation', `The title must be text, not ${describe(value)}.`);
}

function checkText(field: Exclude<EditableField, 'title'>, value: unknown): string | null {
  if (value === null || typeof value === 'string') return value;
  throw new OutboxError('validation', `The ${field} must be text or null (cleared), not ${describe(value)}.`);
}

/**
 * The values an editor started from (`outbox:edit`'s `from`): per field a string or null, as the server
 * holds them (a server's title may be null). Checked as strictly as the edit, for the same reason: a
 * base that is not what the user saw would let an edit overwrite a colleague's change unseen.
 */
export function validateStartedFrom(input: unknown): FieldValues {
  if (!isRecord(input))
    throw new OutboxError('validation', 'The values an edit started from must be an object.');
  const out: FieldValues = {};
  for (const [key, value] of Object.entries(input)) {
    if (!isEditableField(key)) {
      throw new OutboxError('validation', `An edit cannot start from a value of "${key.slice(0, 40)}".`);
    }
    if (value === undefined) continue;
    if (value !== null && typeof value !== 'string') {
      throw new OutboxError(
        'validation',
        `The ${key} an edit started from must be text or null, not ${describe(value)}.`,
      );
    }
    out[key] = value;
  }
  return out;
}
