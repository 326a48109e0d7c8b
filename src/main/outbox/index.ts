// Queued edits (the outbox): validation, merge, overlay, decisions. The push engine is sync/push.ts.
export { adoptEdits } from './adopt';
export type { QueuePause } from './account-flags';
export {
  TOKEN_PAUSE_MESSAGE,
  canEdit,
  needsToken,
  noteAnswered,
  queuePause,
  setCanEdit,
  setNeedsToken,
  setRefused,
} from './account-flags';
export type { ConflictSides } from './conflicts';
export { conflictingFields } from './conflicts';
export type { ConflictChoice } from './decide';
export type { OutboxErrorCode } from './errors';
export { OutboxError, isOutboxError } from './errors';
export type { EditableField, FieldValues } from './fields';
export { EDITABLE_FIELDS, fieldsOf, overlay, serverValues } from './fields';
export type { EditableHit } from './hits';
export { overlayHits } from './hits';
export { toOutboxItem } from './item';
export { Outbox } from './outbox';
export type { OutboxChanges, OutboxRepo, OutboxRow } from './repo';
export { createOutboxRepo } from './repo';
export { TITLE_MAX_LENGTH, validateEdit, validateStartedFrom } from './validate';
