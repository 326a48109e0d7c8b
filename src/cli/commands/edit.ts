import type { EditFields } from '../../shared/contract';
import type { CliOptions } from '../args';
import type { CliContext } from '../context';
import { openSession } from '../context';
import { usage } from '../errors';
import { describeFields, outboxCall, queueEntry } from './outbox-format';

/** The edit the options ask for: --title, --summary/--clear-summary, --description/--clear-description. */
function editFromOptions(options: CliOptions): EditFields {
  const fields: EditFields = {};
  if (options.title !== undefined) fields.title = options.title;
  for (const key of ['summary', 'description'] as const) {
    const clear = options[`clear-${key}`] === true;
    if (clear && options[key] !== undefined) throw usage(`give either --${key} or --clear-${key}, not both`);
    if (clear) fields[key] = null;
    else if (options[key] !== undefined) fields[key] = options[key];
  }
  if (Object.keys(fields).length === 0) {
    throw usage('edit needs --title, --summary, --description, --clear-summary or --clear-description');
  }
  return fields;
}

/** `sdesk edit UUID …`: queues an edit in the cache. Never touches the network. */
export async function editCommand(ctx: CliContext, args: string[], options: CliOptions): Promise<void> {
  const [uuid, ...extra] = args;
  if (uuid === undefined || extra.length > 0) throw usage('edit takes exactly one recording uuid');
  const fields = editFromOptions(options);
  const session = await openSession(ctx);
  try {
    const item = outboxCall(() => session.queueEdit(uuid, fields));
    if (session.canEdit() === false) {
      ctx.say(
        'Note: the server refused an earlier edit from this account (403): only admins can edit recordings.',
      );
    }
    if (item === null) {
      // Every field was set back to the value it was edited from: nothing is left to send.
      if (ctx.json) ctx.print('null');
      else ctx.print("No edit left: the recording has the server's values again; nothing will be sent.");
    } else if (ctx.json) ctx.print(JSON.stringify(queueEntry(item)));
    else {
      ctx.print(`Queued edit #${item.id} for ${item.uuid}: ${describeFields(item.fields)}`);
      ctx.say("It is sent by 'sdesk push' or 'sdesk sync'.");
    }
  } finally {
    session.close();
  }
}
