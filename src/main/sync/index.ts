// Keeping the cache in step with the server: push queued edits (push.ts), then pull every page (pull.ts).
export { AdaptiveLimit } from './adaptive-limit';
export { keptByLastSync } from './kept-note';
export { pull } from './pull';
export type { PullOptions, PullSource, PullStore } from './pull';
export type { PullResult, SyncProgress } from './progress';
export { push } from './push';
export type { PushOptions, PushSummary } from './push';
export { DELETED_MESSAGE, FORBIDDEN_MESSAGE } from './push-one';
export type { PushSource, PushStore } from './push-one';
export { PUSH_BACKOFF_BASE_MS, PUSH_BACKOFF_MAX_MS, pushBackoffMs } from './push-backoff';
