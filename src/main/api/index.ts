// The Screendesk API v2 client. Plain Node: the app injects Electron's net.fetch, tests and the CLI
// use the global fetch.
export { ScreendeskClient, DEFAULT_TIMEOUT_MS } from './client';
export type { ScreendeskClientOptions } from './client';
export { ApiError, isApiError, isApiNotFound, codeForStatus } from './errors';
export { DEFAULT_RETRY_POLICY, MAX_ATTEMPTS_LIMIT, parseRetryAfter, retryDelayMs } from './retry';
export type { RetryInfo } from './transport';
export { normalizePagination, readCount, DEFAULT_MAX_PAGES } from './pagination';
export { parseRecordingEntry, parseRecordingList } from './parse';
export type { RecordingEntry } from './parse';
export { walkPages } from './walk';
export type { RecordingPage, PageSource, WalkedPage, WalkOptions, WalkSummary } from './walk';
export { normalizeBaseUrl, isUsableUuid } from './url';
