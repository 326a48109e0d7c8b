import type { CliContext } from '../context';
import { openSession } from '../context';
import { usage } from '../errors';
import { describeItem, queueEntry } from './outbox-format';

/** `sdesk queue`: queued, failed and conflicting edits, oldest first. */
export async function queueCommand(ctx: CliContext, args: string[]): Promise<void> {
  if (args.length > 0) throw usage('queue takes no arguments');
  const session = await openSession(ctx);
  try {
    const items = session.outboxList();
    if (ctx.json) {
      ctx.print(JSON.stringify(items.map(queueEntry)));
      return;
    }
    if (items.length === 0) {
      ctx.say('No queued edits.');
      return;
    }
    for (const item of items) for (const line of describeItem(item)) ctx.print(line);
    const c = session.outboxCounts();
    ctx.say(`${c.pending} pending, ${c.failed} failed, ${c.conflict} in conflict.`);
    if (session.needsToken()) {
      ctx.say("The server rejected the token: the queue is paused until 'sdesk login' gives a valid one.");
    }
  } finally {
    session.close();
  }
}
