import type { CliContext } from '../context';
import { openSession } from '../context';
import { CliError, EXIT } from '../errors';
import { tryAgainLine } from '../wait';
import { cleanForTerminal } from '../terminal';

/**
 * `sdesk push`: sends queued edits now. Exit 0 when it ran (failures and conflicts are listed by
 * `sdesk queue`), 4 when the server cannot be reached (the queue stays as it was), 3 when the token is
 * rejected (the queue waits for a valid one), 1 when the server asks to wait (said until when).
 */
export async function pushCommand(ctx: CliContext): Promise<void> {
  const session = await openSession(ctx);
  const controller = new AbortController();
  const stop = (): void => controller.abort(new Error('Cancelled'));
  process.once('SIGINT', stop);
  try {
    const waiting = session.outboxCounts().pending;
    if (waiting > 0) ctx.say(`Sending ${waiting} queued edit${waiting === 1 ? '' : 's'} to ${ctx.apiUrl}…`);
    // Nothing pending: nothing to send, and no reason to touch the network.
    const summary =
      waiting === 0
        ? { pushed: 0, failed: 0, conflicts: 0, pending: 0, paused: false, rateLimitedUntil: undefined }
        : await session.push({ signal: controller.signal });
    const out = {
      pushed: summary.pushed,
      failed: summary.failed,
      conflicts: summary.conflicts,
      pending: summary.pending,
      paused: summary.paused,
    };
    if (ctx.json) ctx.print(JSON.stringify(out));
    else if (waiting === 0) ctx.print('Nothing to push.');
    else ctx.print(`Pushed ${out.pushed} edit${out.pushed === 1 ? '' : 's'}.`);
    if (out.failed + out.conflicts > 0) {
      ctx.say(
        `${out.failed} failed, ${out.conflicts} in conflict with changes on the server: see 'sdesk queue'.`,
      );
    }
    const pause = summary.paused ? session.queuePause() : null;
    if (pause?.reason === 'token') {
      throw new CliError(
        EXIT.auth,
        "The server rejected the token (401): the queue is paused, nothing was dropped. Run 'sdesk login' with a valid token.",
      );
    }
    if (summary.rateLimitedUntil !== undefined) {
      throw new CliError(
        EXIT.failure,
        `The server is receiving too many requests: ${out.pending} edit${out.pending === 1 ? ' waits' : 's wait'} in the queue.\n${tryAgainLine(summary.rateLimitedUntil)}`,
      );
    }
    if (pause !== null)
      throw new CliError(EXIT.failure, `The queue is paused: ${cleanForTerminal(pause.message)}`);
    if (out.pending > 0) {
      ctx.say(`${out.pending} edit${out.pending === 1 ? ' is' : 's are'} still waiting: see 'sdesk queue'.`);
    }
  } finally {
    process.off('SIGINT', stop);
    session.close();
  }
}
