// The spec's rules for PATCH /recordings/{uuid}, checked before an edit is queued, with the server's
// own wording: a title can't be blank and holds at most 255 characters (counted as Rails counts them,
// in code points); summary and description are free text or null.

/** Longest title the server accepts, in characters (code points). */
export const TITLE_MAX_LENGTH = 255;

/** The editable fields as the form holds them (text boxes: never null). */
export interface EditDraft {
  title: string;
  summary: string;
  description: string;
}

/** The fields as the server has them. */
export interface EditCurrent {
  title: string | null;
  summary: string | null;
  description: string | null;
}

/** Per-field messages; a field without a problem is absent. */
export type EditErrors = Partial<Record<keyof EditDraft, string>>;

/** Characters as the server counts them. */
export function charCount(s: string): number {
  return [...s].length;
}

/** What is wrong with a draft; empty when it can be saved. */
export function validateDraft(draft: EditDraft): EditErrors {
  const errors: EditErrors = {};
  if (/^\s*$/u.test(draft.title)) errors.title = "Title can't be blank";
  else if (charCount(draft.title) > TITLE_MAX_LENGTH)
    errors.title = `Title is too long (maximum is ${TITLE_MAX_LENGTH} characters)`;
  return errors;
}

/** True when the draft has no problems. */
export function isValid(errors: EditErrors): boolean {
  return Object.keys(errors).length === 0;
}

/** An optional text box: empty (or only spaces) means "none", which the API spells null. */
function optionalText(s: string): string | null {
  return /^\s*$/u.test(s) ? null : s;
}

/** The fields that differ from the current values, as `outbox:edit` takes them; empty when nothing changed. */
export function changedFields(
  draft: EditDraft,
  current: EditCurrent,
): { title?: string; summary?: string | null; description?: string | null } {
  const out: { title?: string; summary?: string | null; description?: string | null } = {};
  if (draft.title !== (current.title ?? '')) out.title = draft.title;
  const summary = optionalText(draft.summary);
  if (summary !== (current.summary ?? null) && !(summary === null && current.summary === ''))
    out.summary = summary;
  const description = optionalText(draft.description);
  if (description !== (current.description ?? null) && !(description === null && current.description === ''))
    out.description = description;
  return out;
}

/** What `outbox:edit` takes from an editor. */
export interface EditRequest {
  /** Only the fields the user changed. */
  fields: { title?: string; summary?: string | null; description?: string | null };
  /** The values the editor started from: the outbox measures the edit against these, not the cache. */
  from: EditCurrent;
}

/**
 * The edit an editor asks for: the fields changed since it opened on `started`, and `started` itself. A
 * value that a sync brought in while the editor was open is not in `started`, so the edit neither sends
 * the old value back over it nor counts as having seen it (the push finds the conflict). Null when
 * nothing changed.
 */
export function editRequest(draft: EditDraft, started: EditCurrent): EditRequest | null {
  const fields = changedFields(draft, started);
  return Object.keys(fields).length === 0 ? null : { fields, from: { ...started } };
}

/** A draft holding the current values. */
export function draftFrom(current: EditCurrent): EditDraft {
  return {
    title: current.title ?? '',
    summary: current.summary ?? '',
    description: current.description ?? '',
  };
}
