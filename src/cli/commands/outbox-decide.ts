// `sdesk retry ID`, `sdesk discard ID`, `sdesk resolve ID --keep-mine|--take-theirs`: the user's decisions
// about edits the server did not take. Local only: the next push or sync acts on them.
import type { CliOptions } from '../args';
import type { CliContext } from '../context';
import { openSession } from '../context';
import { usage } from '../errors';
import { outboxCall, parseEditId, queueEntry } from './outbox-format';

type Decision = 'retry' | 'discard' | 'resolve';

function choiceOf(options: CliOptions): 'keep-mine' | 'take-theirs' {
  const mine = options['keep-mine'] === true;
  const theirs = options['take-theirs'] === true;
  if (mine === theirs) throw usage('resolve needs exactly one of --keep-mine or --take-theirs');
  return mine ? 'keep-mine' : 'take-theirs';
}

/** Applies one decision to a queued edit. */
export async function decideCommand(
  ctx: CliContext,
  decision: Decision,
  args: string[],
  options: CliOptions,
): Promise<void> {
  const [idText, ...extra] = args;
  if (extra.length > 0) throw usage(`${decision} takes one edit number`);
  const id = parseEditId(idText, decision);
  const choice = decision === 'resolve' ? choiceOf(options) : undefined;
  const session = await openSession(ctx);
  try {
    let message: string;
    if (decision === 'retry') {
      outboxCall(() => session.retryEdit(id));
      message = `Edit #${id} is queued again; it is sent at the next push.`;
    } else if (decision === 'discard') {
      outboxCall(() => session.discardEdit(id));
      message = `Edit #${id} discarded; the recording shows the server's values again.`;
    } else if (choice === 'keep-mine') {
      outboxCall(() => session.resolveEdit(id, 'keep-mine'));
      message = `Edit #${id} keeps your values over the server's; it is sent at the next push.`;
    } else {
      outboxCall(() => session.resolveEdit(id, 'take-theirs'));
      message = `Edit #${id} dropped; the server's values stay.`;
    }
    if (ctx.json) {
      const item = session.outboxList().find((i) => i.id === id);
      ctx.print(JSON.stringify(item === undefined ? null : queueEntry(item)));
    } else ctx.print(message);
  } finally {
    session.close();
  }
}
