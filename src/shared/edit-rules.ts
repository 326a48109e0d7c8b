// The rules of an edit, as the API states them for PATCH /recordings/{uuid}, declared once for both
// sides: the renderer checks a draft as the user types, main checks every edit before it is queued (an
// edit can also come from sdesk or a script), and the demo server refuses what the real one refuses.
// One message per rule, so the editor, an outbox card and sdesk say the same thing.
// A title is a non-blank string of at most 255 characters (code points, as Rails counts them); summary
// and description are free text or null.

/** The fields an edit can change, in the order they are shown and sent. */
export const EDITABLE_FIELDS = ['title', 'summary', 'description'] as const;
/** One of EDITABLE_FIELDS. */
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Longest title the API accepts, in characters (code points, as Rails counts them). */
export const TITLE_MAX_LENGTH = 255;

/** A blank title, in the server's own words. */
export const TITLE_BLANK = "Title can't be blank";

/** A title over the limit, with its length: the user sees by how much. */
function titleTooLong(length: number): string {
  return `Title is too long: ${length} characters, at most ${TITLE_MAX_LENGTH} are allowed`;
}

/** Characters as the server counts them (code points: one emoji is one character). */
export function charCount(s: string): number {
  return [...s].length;
}

/** Ruby's blank?: empty or only whitespace, Unicode whitespace included. */
export function isBlank(s: string): boolean {
  return /^\s*$/u.test(s);
}

/** What is wrong with a title; null when it may be saved. */
export function titleProblem(title: string): string | null {
  if (isBlank(title)) return TITLE_BLANK;
  const length = charCount(title);
  return length > TITLE_MAX_LENGTH ? titleTooLong(length) : null;
}

/** Whether `key` names an editable field (an own key of the list, never Object.prototype's). */
export function isEditableField(key: string): key is EditableField {
  return (EDITABLE_FIELDS as readonly string[]).includes(key);
}
