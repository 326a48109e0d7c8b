// The qualifier values come from the shared lists, so a platform the API adds shows here too.
import { quoteValue } from '../shared/query-lex';
import { HELPDESK_PLATFORMS, RECORDING_TYPES } from '../shared/screendesk-api';

const types = RECORDING_TYPES.map((t) => t.toLowerCase()).join('|');
const platforms = HELPDESK_PLATFORMS.map(quoteValue).join('|');

/** The query language, as `sdesk help search` and the end of `sdesk --help` explain it. */
export const SEARCH_SYNTAX = `Search syntax: words (all must match; the last one is a prefix from its first letter,
  the others from three), "a phrase", -excluded, Chinese, Japanese or Korean text (any part
  of two or more characters), and
  type:${types}  platform:${platforms}
  source:"Zendesk Ticket"  customer:EMAIL  user:NAME-OR-EMAIL  ticket:ID
  created:>2026-01-01  created:<2026-02-01  created:2026-01-01..2026-02-01
  duration:>60  duration:<60  has:logs  has:summary  is:edited
  created: days, and the dates listed, are days of this machine's time zone (TZ changes it).
Text without a letter or digit (only emoji or punctuation) matches nothing: search says
  why on stderr and exits 0 (--json: the "reason" field).
`;
