// What both editors of a recording's fields hold (the recording view's and the Outbox's): the values
// they opened on, the draft being typed, and the title's problems. A title over the limit is said
// while typing and Save waits until it fits; a blank title is said when Save is pressed.
import type { EditFields } from '@shared/contract';
import { TITLE_MAX_LENGTH, charCount } from '@shared/edit-rules';
import {
  draftFrom,
  editRequest,
  isValid,
  validateDraft,
  type EditCurrent,
  type EditDraft,
  type EditErrors,
} from '../logic/validate';

/** What an editor opened on: what the recording showed, and the server's values under it. */
export interface OpenedOn {
  shown: EditCurrent;
  server: EditCurrent;
}

/** What a save sends: only the fields changed, and the server's values the editor saw. */
export interface EditToSend {
  fields: EditFields;
  from: EditCurrent;
}

/** One editor's draft. */
export class EditDraftState {
  draft = $state<EditDraft>({ title: '', summary: '', description: '' });
  /** The problems found when Save was last pressed. */
  errors = $state<EditErrors>({});
  /** Characters the title may still take (negative: too many). */
  readonly titleLeft = $derived(TITLE_MAX_LENGTH - charCount(this.draft.title));
  readonly tooLong = $derived(this.titleLeft < 0);
  readonly titleError = $derived(
    this.tooLong ? (validateDraft(this.draft).title ?? null) : (this.errors.title ?? null),
  );
  // Kept as opened: a sync may change the recording while the user types, and the edit is measured
  // against what the user saw.
  #opened: OpenedOn = {
    shown: { title: null, summary: null, description: null },
    server: { title: null, summary: null, description: null },
  };

  /** Starts over from what the recording shows (a copy: later changes to it do not move the draft). */
  open(on: OpenedOn): void {
    this.#opened = { shown: { ...on.shown }, server: { ...on.server } };
    this.draft = draftFrom(this.#opened.shown);
    this.errors = {};
  }

  /** On Save: 'invalid' (the errors say why), null when nothing changed, else what to send. */
  submit(): EditToSend | null | 'invalid' {
    this.errors = validateDraft(this.draft);
    if (!isValid(this.errors)) return 'invalid';
    const request = editRequest(this.draft, this.#opened.shown);
    return request === null ? null : { fields: request.fields, from: this.#opened.server };
  }
}
