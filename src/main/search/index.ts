// Offline search: query language → tree (parse) → bound SQL/FTS5 (compile) → results (search).
export { SNIPPET_MARK_END, SNIPPET_MARK_START, splitSnippet } from './markers';
export type { SearchHit } from './hits';
export type { SearchRequest, SearchResponse, SearchSort } from './search';
export { DEFAULT_LIMIT, MAX_LIMIT, SEARCH_SORTS, searchRecordings } from './search';
