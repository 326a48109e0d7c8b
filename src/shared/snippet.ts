// How matches are marked in snippets. Recording text is customer-controlled, so a snippet is plain text
// and never HTML: the matched words are wrapped in two control characters, blanked out of the recording's
// own text before the snippet is built (src/main/search/highlight.ts), and the UI splits on them and
// renders the pieces as text nodes.

/** Starts a highlighted match inside SearchHit.snippet (U+0002, START OF TEXT). */
export const SNIPPET_MARK_START = '\u0002';
/** Ends a highlighted match inside SearchHit.snippet (U+0003, END OF TEXT). */
export const SNIPPET_MARK_END = '\u0003';
/** Marks text cut off at either end of a snippet. */
export const SNIPPET_ELLIPSIS = '…';

/** One piece of a snippet: plain text, highlighted or not. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Splits a snippet into plain-text parts, flagging the highlighted ones. Tolerates unpaired markers. */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = '';
  const flush = (): void => {
    if (text !== '') parts.push({ text, match });
    text = '';
  };
  for (const ch of snippet) {
    if (ch === SNIPPET_MARK_START || ch === SNIPPET_MARK_END) {
      flush();
      match = ch === SNIPPET_MARK_START;
    } else {
      text += ch;
    }
  }
  flush();
  return parts;
}
