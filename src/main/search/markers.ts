// The snippet markers are shared with the renderer, which splits on them: see src/shared/snippet.ts.
export { SNIPPET_ELLIPSIS, SNIPPET_MARK_END, SNIPPET_MARK_START, splitSnippet } from '../../shared/snippet';
