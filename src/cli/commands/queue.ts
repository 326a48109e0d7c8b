import type { CliContext } from '../context';
import { openSession } from '../context';
import { cleanForTerminal } from '../terminal';
import { describeItem, queueEntry } from './outbox-format';

/** `sdesk queue`: queued, failed and conflicting edits, oldest first. */
export async function queueCommand(ctx: CliContext): Promise<void> {
  const session = await openSession(ctx);
  try {
    const items = session.outboxList();
    if (ctx.json) {
      ctx.print(JSON.stringify(items.map(queueEntry)));
    } else if (items.length === 0) {
      ctx.say('No queued edits.');
      return;
    } else {
      for (const item of items) for (const line of describeItem(item)) ctx.print(line);
      const c = session.outboxCounts();
      ctx.say(`${c.pending} pending, ${c.failed} failed, ${c.conflict} in conflict.`);
    }
    // One problem of the account, said once (on stderr, also with --json), not a failure on every edit.
    const pause = session.queuePause();
    if (pause?.reason === 'token') {
      ctx.say("The server rejected the token: the queue is paused until 'sdesk login' gives a valid one.");
    } else if (pause !== null) {
      ctx.say(`The queue is paused: ${cleanForTerminal(pause.message)}`);
    }
  } finally {
    session.close();
  }
}
