import { objectOf } from '../../shared/json-object';
import type { CliContext } from '../context';
import { openSession } from '../context';
import { CliError, EXIT, usage } from '../errors';
import { cleanForTerminal } from '../terminal';
import { describeItem, localEntry } from './outbox-format';

/**
 * A field as one line of text. The server's JSON is the customer's data and any field may come in an
 * unexpected shape: an object or a list is shown as its JSON rather than JavaScript's "[object Object]".
 */
function shownText(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `sdesk show UUID`: one cached recording, every field the server sent, with its queued edit laid over. */
export async function showCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [uuid, ...extra] = args;
  if (uuid === undefined || extra.length > 0) throw usage('show takes exactly one recording uuid');
  const session = await openSession(ctx);
  try {
    const shown = session.show(uuid);
    if (shown === undefined) {
      throw new CliError(EXIT.failure, `No recording ${uuid} in the cache (run 'sdesk sync' to refresh it).`);
    }
    if (ctx.json) {
      ctx.print(
        JSON.stringify({ ...shown.recording, local: shown.local === null ? null : localEntry(shown.local) }),
      );
      return;
    }
    const r = shown.recording;
    const m = objectOf(r['metadata']);
    const lines: [string, unknown][] = [
      ['Title', r['title'] ?? '(untitled)'],
      ['Type', m['recording_type']],
      ['Source', m['recording_source']],
      ['Created', m['created_at']],
      ['Updated', m['updated_at']],
      ['Duration', typeof m['duration'] === 'number' ? `${m['duration']} s` : null],
      ['Views', m['impressions_count']],
      ['Customer', objectOf(r['customer'])['email']],
      [
        'Agent',
        [objectOf(r['user'])['name'], objectOf(r['user'])['email']].filter(Boolean).join(' <') +
          (objectOf(r['user'])['email'] ? '>' : ''),
      ],
      ['URL', m['url']],
      ['Summary', r['summary']],
      ['Description', r['description']],
    ];
    for (const [label, value] of lines) {
      if (value === null || value === undefined || value === '') continue;
      ctx.print(`${label.padEnd(12)} ${cleanForTerminal(shownText(value))}`);
    }
    if (shown.local !== null) {
      ctx.print(`\nQueued edit (shown above; the server still has its own values until it is sent):`);
      for (const line of describeItem(shown.local)) ctx.print(line);
    }
    if (typeof r['console_logs'] === 'string' && r['console_logs'] !== '') {
      ctx.print('\nConsole logs:');
      ctx.print(cleanForTerminal(r['console_logs'], { keepNewlines: true }));
    }
  } finally {
    session.close();
  }
}
