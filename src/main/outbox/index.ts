// Queued edits (the outbox): validation, merge, overlay, decisions. The push engine is sync/push.ts.
export { adoptEdits } from './adopt';
export type { QueuePause } from './account-flags';
export { noteAnswered, setCanEdit, setNeedsToken, setRefused } from './account-flags';
export { conflictingFields } from './conflicts';
export type { ConflictChoice } from './decide';
export { isOutboxError } from './errors';
export type { EditableField, FieldValues } from './fields';
export { EDITABLE_FIELDS, fieldsOf, serverValues } from './fields';
export { overlayHits } from './hits';
export { toOutboxItem } from './item';
export { Outbox } from './outbox';
export type { ShownRecording } from './outbox';
export type { OutboxRepo, OutboxRow } from './repo';
export { TITLE_MAX_LENGTH, validateEdit } from './validate';
