// The Screendesk API v2 client. Plain Node: the app injects Electron's net.fetch, tests and the CLI
// use the global fetch.
export { ScreendeskClient, DEFAULT_TIMEOUT_MS } from './client';
export type { ScreendeskClientOptions, RequestOptions, TokenCheck } from './client';
export { ApiError, cancelledError, isApiError, isApiNotFound, codeForStatus } from './errors';
export type { ApiErrorCode, ApiErrorInit } from './errors';
export { DEFAULT_RETRY_POLICY, MAX_ATTEMPTS_LIMIT, parseRetryAfter, retryDelayMs } from './retry';
export type { RetryPolicy } from './retry';
export type { RetryInfo } from './transport';
export { normalizePagination, readCount, DEFAULT_MAX_PAGES, DEFAULT_PER_PAGE } from './pagination';
export type { NormalizedPagination, NormalizeOptions } from './pagination';
export { parseRecordingEntry, parseRecordingList } from './parse';
export type { RecordingEntry, ParsedList } from './parse';
export { walkPages } from './walk';
export type {
  RecordingPage,
  PageSource,
  WalkedPage,
  WalkLimit,
  WalkOptions,
  WalkStop,
  WalkSummary,
} from './walk';
export { normalizeBaseUrl, isUsableUuid } from './url';
