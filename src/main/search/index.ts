// Offline search: query language → tree (parse) → bound SQL/FTS5 (compile) → results (search).
export type { AndNode, FilterNode, LeafNode, NotNode, QueryNode, Range, TextNode } from './ast';
export { QUALIFIER_KEYS } from './ast';
export type { CompiledQuery, SqlParam } from './compile';
export { compileQuery } from './compile';
export type { SnippetPart } from './markers';
export { SNIPPET_ELLIPSIS, SNIPPET_MARK_END, SNIPPET_MARK_START, splitSnippet } from './markers';
export { parseQuery } from './parse';
export type { SearchHit } from './hits';
export type { SearchRequest, SearchResponse, SearchSort } from './search';
export { DEFAULT_LIMIT, MAX_LIMIT, SEARCH_SORTS, searchRecordings } from './search';
export { SNIPPET_TOKENS } from './highlight';
