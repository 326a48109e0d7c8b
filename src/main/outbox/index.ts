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
export { discardEdit, resolveEdit, retryEdit } from './decide';
export type { OutboxErrorCode } from './errors';
export { OutboxError, isOutboxError } from './errors';
export type { FieldValues } from './fields';
export { fieldsOf, overlay, serverValues } from './fields';
export type { EditableHit, HitWithEdit } from './hits';
export { overlayHits } from './hits';
export { toOutboxItem } from './item';
export { queueEdit } from './queue';
export { showRecording } from './show';
export type { OutboxChanges, OutboxRepo, OutboxRow } from './repo';
export { createOutboxRepo } from './repo';
export { validateEdit, validateStartedFrom } from './validate';
