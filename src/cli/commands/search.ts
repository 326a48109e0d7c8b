import { SEARCH_SORTS, SNIPPET_MARK_END, SNIPPET_MARK_START, MAX_LIMIT } from '../../main/search';
import type { SearchSort } from '../../main/search';
import type { CliOptions } from '../args';
import { intOption } from '../args';
import type { CliContext } from '../context';
import { openSession } from '../context';
import { usage } from '../errors';
import { cleanForTerminal } from '../terminal';
import { parseServerTimestamp } from '../../shared/server-time';
import { isoDayInZone, systemTimeZone } from '../../shared/time-zone';

/** `sdesk search [QUERY…]`: offline search of the cache. */
export async function searchCommand(ctx: CliContext, words: string[], options: CliOptions): Promise<void> {
  const limit = intOption('limit', options.limit, 20, 1, MAX_LIMIT);
  const offset = intOption('offset', options.offset, 0, 0, Number.MAX_SAFE_INTEGER);
  const sort = options.sort;
  if (sort !== undefined && !(SEARCH_SORTS as readonly string[]).includes(sort)) {
    throw usage(`--sort must be one of ${SEARCH_SORTS.join(', ')}`);
  }
  const session = await openSession(ctx);
  try {
    const found = session.search({
      query: words.join(' '),
      limit,
      offset,
      sort: sort as SearchSort | undefined,
    });
    if (ctx.json) {
      ctx.print(
        JSON.stringify({
          total: found.total,
          results: found.results.map((hit) => ({
            uuid: hit.uuid,
            title: hit.title,
            summary: hit.summary,
            recording_type: hit.recording_type,
            created_at: hit.created_at,
            duration: hit.duration,
            customer_email: hit.customer_email,
            user_email: hit.user_email,
            snippet: hit.snippet === null ? null : plain(hit.snippet),
          })),
        }),
      );
      return;
    }
    if (found.total === 0) {
      ctx.say('No recordings match.');
      return;
    }
    const tty = process.stdout.isTTY === true;
    // The day in this machine's zone: the same days `created:` matched.
    const zone = systemTimeZone();
    for (const hit of found.results) {
      const created = parseServerTimestamp(hit.created_at);
      const date = created === null ? '          ' : isoDayInZone(created, zone);
      ctx.print(
        `${hit.uuid}  ${date}  ${(hit.recording_type ?? '').padEnd(8)}  ${cleanForTerminal(hit.title ?? '(untitled)')}`,
      );
      if (hit.snippet)
        ctx.print(`    ${tty ? highlighted(hit.snippet) : cleanForTerminal(plain(hit.snippet))}`);
    }
    const shown = `${offset + 1}–${offset + found.results.length}`;
    ctx.say(`${found.total} match${found.total === 1 ? '' : 'es'} (showing ${shown}).`);
  } finally {
    session.close();
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
