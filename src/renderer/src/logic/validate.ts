// An editor's draft against the edit rules (src/shared/edit-rules.ts, which main checks again before
// queuing), and the edit it asks for: only the fields that changed, measured against what it opened on.
import type { EditFields } from '@shared/contract';
import type { EditableField } from '@shared/edit-rules';
import { isBlank, titleProblem } from '@shared/edit-rules';

/** The editable fields as the form holds them (text boxes: never null). */
export type EditDraft = Record<EditableField, string>;

/** The fields as the server has them. */
export type EditCurrent = Record<EditableField, string | null>;

/** Per-field messages; a field without a problem is absent. */
export type EditErrors = Partial<Record<EditableField, string>>;

/** What is wrong with a draft; empty when it can be saved. */
export function validateDraft(draft: EditDraft): EditErrors {
  const title = titleProblem(draft.title);
  return title === null ? {} : { title };
}

/** True when the draft has no problems. */
export function isValid(errors: EditErrors): boolean {
  return Object.keys(errors).length === 0;
}

/** An optional text box: empty (or only spaces) means "none", which the API spells null. */
function optionalText(s: string): string | null {
  return isBlank(s) ? null : s;
}

/** The fields that differ from the current values, as `outbox:edit` takes them; empty when nothing changed. */
export function changedFields(draft: EditDraft, current: EditCurrent): EditFields {
  const out: EditFields = {};
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
  fields: EditFields;
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
