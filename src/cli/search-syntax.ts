/** The query language, as `sdesk help search` and the end of `sdesk --help` explain it. */
export const SEARCH_SYNTAX = `Search syntax: words (all must match; the last one is a prefix from its first letter,
  the others from three), "a phrase", -excluded, Chinese, Japanese or Korean text (any part
  of two or more characters), and
  type:received|sent|live  platform:zendesk|intercom|freshdesk|freshdesk_chat|helpscout|jira|"screendesk app"
  source:"Zendesk Ticket"  customer:EMAIL  user:NAME-OR-EMAIL  ticket:ID
  created:>2026-01-01  created:<2026-02-01  created:2026-01-01..2026-02-01
  duration:>60  duration:<60  has:logs  has:summary  is:edited
  created: days, and the dates listed, are days of this machine's time zone (TZ changes it).
Text without a letter or digit (only emoji or punctuation) matches nothing: search says
  why on stderr and exits 0 (--json: the "reason" field).
`;
