// Keeping the cache in step with the server: pull (every page, exact removals). Push lands with the
// queued-edits work.
export { AdaptiveLimit } from './adaptive-limit';
export { pull } from './pull';
export type { PullOptions, PullSource, PullStore } from './pull';
export type { PullResult, SyncProgress } from './progress';
