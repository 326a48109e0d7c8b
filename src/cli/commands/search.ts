import { SEARCH_SORTS, SNIPPET_MARK_END, SNIPPET_MARK_START, MAX_LIMIT } from '../../main/search';
import type { SearchHit, SearchRequest, SearchResponse, SearchSort } from '../../main/search';
import type { AccountSession } from '../../main/session';
import type { CliOptions } from '../args';
import { intOption } from '../args';
import type { CliContext } from '../context';
import { openSession } from '../context';
import { usage } from '../errors';
import { writeAll } from '../output';
import { cleanForTerminal } from '../terminal';
import { parseServerTimestamp } from '../../shared/server-time';
import { isoDayInZone, systemTimeZone } from '../../shared/time-zone';

/** Results printed when --limit is not given: a screenful. */
const DEFAULT_CLI_LIMIT = 20;

/** `sdesk search [QUERY…]`: offline search of the cache. */
export async function searchCommand(ctx: CliContext, words: string[], options: CliOptions): Promise<void> {
  const limit = intOption('limit', options.limit, DEFAULT_CLI_LIMIT, 1, Number.MAX_SAFE_INTEGER);
  const offset = intOption('offset', options.offset, 0, 0, Number.MAX_SAFE_INTEGER);
  const sort = options.sort;
  if (sort !== undefined && !(SEARCH_SORTS as readonly string[]).includes(sort)) {
    throw usage(`--sort must be one of ${SEARCH_SORTS.join(', ')}`);
  }
  const session = await openSession(ctx);
  try {
    // One read snapshot for every page, so a sync in the app meanwhile cannot shift or repeat rows.
    await session.readSnapshot(async () => {
      const req = { query: words.join(' '), sort: sort as SearchSort | undefined };
      const first = session.search({ ...req, limit: Math.min(limit, MAX_LIMIT), offset });
      if (first.reason !== null) ctx.say(cleanForTerminal(first.reason));
      const hits = pages(session, req, first, limit, offset);
      if (ctx.json) {
        await writeAll(undefined, jsonChunks(first, hits));
        return;
      }
      if (first.total === 0) {
        if (first.reason === null) ctx.say('No recordings match.');
        return;
      }
      let shown = 0;
      await writeAll(
        undefined,
        textLines(hits, () => shown++),
      );
      const range = shown === 0 ? 'none' : `showing ${offset + 1}–${offset + shown}`;
      ctx.say(`${first.total} match${first.total === 1 ? '' : 'es'} (${range}).`);
    });
  } finally {
    session.close();
  }
}

/**
 * Every hit from `offset` up to `limit` of them, a page of at most MAX_LIMIT at a time (the first one
 * already fetched), so that printing 100,000 matches never holds more than one page.
 */
function* pages(
  session: AccountSession,
  req: Pick<SearchRequest, 'query' | 'sort'>,
  first: SearchResponse,
  limit: number,
  offset: number,
): Generator<SearchHit> {
  let page = first;
  let done = 0;
  for (;;) {
    yield* page.results;
    done += page.results.length;
    if (page.results.length < MAX_LIMIT || done >= limit) return;
    page = session.search({ ...req, limit: Math.min(limit - done, MAX_LIMIT), offset: offset + done });
  }
}

/** The one JSON document of --json, in chunks: `{"total":…,"reason":…,"results":[…]}`. */
function* jsonChunks(first: SearchResponse, hits: Iterable<SearchHit>): Generator<string> {
  yield `{"total":${first.total},"reason":${JSON.stringify(first.reason)},"results":[`;
  let comma = '';
  for (const hit of hits) {
    yield comma + JSON.stringify(jsonHit(hit));
    comma = ',';
  }
  yield ']}\n';
}

function jsonHit(hit: SearchHit): Record<string, unknown> {
  return {
    uuid: hit.uuid,
    title: hit.title,
    summary: hit.summary,
    recording_type: hit.recording_type,
    created_at: hit.created_at,
    duration: hit.duration,
    customer_email: hit.customer_email,
    user_email: hit.user_email,
    snippet: hit.snippet === null ? null : plain(hit.snippet),
  };
}

/** The human listing: one line per hit, and its snippet under it. */
function* textLines(hits: Iterable<SearchHit>, counted: () => void): Generator<string> {
  const tty = process.stdout.isTTY === true;
  // The day in this machine's zone: the same days `created:` matched.
  const zone = systemTimeZone();
  for (const hit of hits) {
    counted();
    const created = parseServerTimestamp(hit.created_at);
    const date = created === null ? '          ' : isoDayInZone(created, zone);
    let out = `${hit.uuid}  ${date}  ${(hit.recording_type ?? '').padEnd(8)}  ${cleanForTerminal(hit.title ?? '(untitled)')}\n`;
    if (hit.snippet) out += `    ${tty ? highlighted(hit.snippet) : cleanForTerminal(plain(hit.snippet))}\n`;
    yield out;
  }
}

/** Snippet text without the match markers. */
function plain(snippet: string): string {
  return snippet.replaceAll(SNIPPET_MARK_START, '').replaceAll(SNIPPET_MARK_END, '');
}

function highlighted(snippet: string): string {
  return cleanForTerminal(snippet, { keepMarkers: true })
    .replaceAll(SNIPPET_MARK_START, '\x1b[1m')
    .replaceAll(SNIPPET_MARK_END, '\x1b[22m');
}
