/** `sdesk --help`. */
export const HELP = `sdesk — Screendesk Desktop on the command line (same cache as the app)

Usage: sdesk [--api-url URL] [--data-dir DIR] [--json] <command> [options]

Commands:
  sync                      push queued edits, then pull every recording into the cache
  search [QUERY…]           search the cache offline
      --limit N (20, any number)  --offset N (0)  --sort relevance|newest|oldest|longest
  show UUID                 one recording, every field the server sent (queued edits shown)
  edit UUID                 queue an edit; never touches the network (sent by push or sync)
      --title T  --summary S  --description D
      --clear-summary  --clear-description   set it to null (--summary "" sets empty text)
  push                      send queued edits now (exit 4 if the server is unreachable)
  queue                     list queued, failed and conflicting edits, oldest first
  retry ID                  queue a failed or conflicting edit again
  discard ID                drop a queued edit
  resolve ID --keep-mine|--take-theirs
                            settle a conflict's fields: send yours over the server's, or keep
                            theirs (the edit's other fields stay queued either way)
  export                    every cached recording
      --format json|csv (json)  --out FILE (stdout)
  login                     read a token on stdin, check it, keep it in the OS keychain
  logout                    forget the token of this API URL (the cache stays)
  demo                      serve a demo account on 127.0.0.1; prints its URL and tokens
      --port N  --recordings N (250)  --latency MS  --page-size N (100)

Options:
  --api-url URL   default: $SCREENDESK_API_URL, else https://app.screendesk.io/api/v2
  --data-dir DIR  default: $SCREENDESK_DATA_DIR, else the desktop app's data folder
  --json          exactly one JSON document on stdout; messages go to stderr

The token comes from $SCREENDESK_API_TOKEN, else the keychain (see login).
push and sync give up within about 30 s when the server does not answer.

Search syntax: words (all must match; the last one is a prefix from its first letter,
  the others from three), "a phrase", -excluded, Chinese, Japanese or Korean text (any part
  of two or more characters), and
  type:received|sent|live  platform:zendesk|intercom|freshdesk|freshdesk_chat|helpscout|jira|"screendesk app"
  source:"Zendesk Ticket"  customer:EMAIL  user:NAME-OR-EMAIL  ticket:ID
  created:>2026-01-01  created:<2026-02-01  created:2026-01-01..2026-02-01
  duration:>60  duration:<60  has:logs  has:summary  is:edited
  created: days, and the dates listed, are days of this machine's time zone (TZ changes it).
Text without a letter or digit (only emoji or punctuation) matches nothing: search says
  why on stderr and exits 0 (--json: the "reason" field).

Exit codes: 0 success, 1 failure, 2 usage, 3 no token or token rejected, 4 server unreachable.
`;
