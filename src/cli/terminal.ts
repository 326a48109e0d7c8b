/**
 * Recording text is customer-controlled: control characters (escape sequences that could rewrite the
 * screen or the title bar) become spaces before text reaches a terminal. Snippet match markers
 * (U+0002, U+0003) survive when asked, for highlighting.
 */
export function cleanForTerminal(
  text: string,
  opts: { keepNewlines?: boolean; keepMarkers?: boolean } = {},
): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u001f\u007f-\u009f]/g,
    (ch) =>
      (opts.keepNewlines && ch === '\n') || (opts.keepMarkers && (ch === '\u0002' || ch === '\u0003'))
        ? ch
        : ' ',
  );
}
