// Queued edits (the outbox): validation, merge, overlay, decisions. The push engine is sync/push.ts.
export { adoptEdits } from './adopt';
export type { QueuePause } from './account-flags';
export {
  canEdit,
  needsToken,
  noteAnswered,
  queuePause,
  setCanEdit,
  setNeedsToken,
  setRefused,
} from './account-flags';
export { conflictingFields } from './conflicts';
export type { ConflictChoice } from './decide';
export { discardEdit, resolveEdit, retryEdit } from './decide';
export { OutboxError, isOutboxError } from './errors';
export type { FieldValues } from './fields';
export { fieldsOf, serverValues } from './fields';
export type { HitWithEdit } from './hits';
export { overlayHits } from './hits';
export { toOutboxItem } from './item';
export { queueEdit } from './queue';
export { showRecording } from './show';
export { validateEdit } from './validate';
