// Keeping the cache in step with the server: push queued edits (push.ts), then pull every page (pull.ts).
export { AdaptiveLimit } from './adaptive-limit';
export { keptByLastSync } from './kept-note';
export { pull } from './pull';
export type { SyncProgress } from './progress';
export { push } from './push';
export type { PushSummary } from './push';
export { DELETED_MESSAGE, FORBIDDEN_MESSAGE } from './push-one';
export { PUSH_BACKOFF_BASE_MS, PUSH_BACKOFF_MAX_MS, pushBackoffMs } from './push-backoff';
