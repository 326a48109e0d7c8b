// The checks an edit passes before it is queued, matching the API contract (PATCH /recordings/{uuid}):
// a title is a non-blank string of at most 255 characters, summary and description a string or null.
// Refusing here, offline, beats a 422 hours later on the train; the server may still refuse for rules the
// spec does not state, and that answer is kept on the edit (see sync/push.ts).
import { isRecord } from '../../shared/json-object';
import { OutboxError } from './errors';
import type { EditableField, FieldValues } from './fields';
import { EDITABLE_FIELDS } from './fields';

/** Longest title the API accepts, in characters (code points, as Rails counts them). */
export const TITLE_MAX_LENGTH = 255;

/** Ruby's blank?: empty or only whitespace, Unicode whitespace included. */
function isBlank(s: string): boolean {
  return /^\s*$/u.test(s);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  return v === null ? 'null' : `a ${typeof v}`;
}

/** The edit as FieldValues, or an OutboxError('validation') saying plainly what is wrong. */
export function validateEdit(input: unknown): FieldValues {
  if (!isRecord(input)) throw new OutboxError('validation', 'An edit must name the fields it changes.');
  const unknown = Object.keys(input).filter((k) => !(EDITABLE_FIELDS as readonly string[]).includes(k));
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
  if (value === null || (typeof value === 'string' && isBlank(value))) {
    throw new OutboxError('validation', "The title can't be blank.");
  }
  if (typeof value !== 'string') {
    throw new OutboxError('validation', `The title must be text, not ${describe(value)}.`);
  }
  const length = [...value].length;
  if (length > TITLE_MAX_LENGTH) {
    throw new OutboxError(
      'validation',
      `The title is too long: ${length} characters, at most ${TITLE_MAX_LENGTH} are allowed.`,
    );
  }
  return value;
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
    if (!(EDITABLE_FIELDS as readonly string[]).includes(key)) {
      throw new OutboxError('validation', `An edit cannot start from a value of "${key.slice(0, 40)}".`);
    }
    if (value === undefined) continue;
    if (value !== null && typeof value !== 'string') {
      throw new OutboxError(
        'validation',
        `The ${key} an edit started from must be text or null, not ${describe(value)}.`,
      );
    }
    out[key as EditableField] = value;
  }
  return out;
}
