// Every sdesk command, declared once: the parser checks its flags and arguments against this table,
// `sdesk --help` and `sdesk help COMMAND` are written from it, and run() dispatches through it.
import type { CliOptions, FlagName } from './args';
import { demoCommand } from './commands/demo';
import { editCommand } from './commands/edit';
import { exportCommand } from './commands/export';
import { loginCommand, logoutCommand } from './commands/login';
import { decideCommand } from './commands/outbox-decide';
import { pushCommand } from './commands/push';
import { queueCommand } from './commands/queue';
import { searchCommand } from './commands/search';
import { showCommand } from './commands/show';
import { syncCommand } from './commands/sync';
import type { CliContext } from './context';
import { SEARCH_SYNTAX } from './search-syntax';

/** A row of flags in the command listing of `sdesk --help`, with a note after them. */
export interface FlagRow {
  readonly flags: readonly FlagName[];
  readonly note?: string;
}

export interface CommandSpec {
  readonly name: string;
  /**
   * The arguments as help shows them (`UUID`, `[QUERY…]`); the handler checks them. A command without
   * them refuses any argument before it runs.
   */
  readonly args?: string;
  /** Said instead of "NAME takes no arguments" when arguments are given to a command without any. */
  readonly noArgsMessage?: string;
  /** One line (wrapped with \n where long) for the listing and for `sdesk help NAME`. */
  readonly summary: string;
  /** The command's own flags (global ones are always taken). */
  readonly flags: readonly FlagName[];
  /** How the flags are laid out in the listing: one row of all of them unless said. */
  readonly flagRows?: readonly FlagRow[];
  /** More text for `sdesk help NAME` (and the end of `sdesk --help`). */
  readonly details?: string;
  readonly run: (ctx: CliContext, args: string[], options: CliOptions) => Promise<void>;
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'sync',
    summary: 'push queued edits, then pull every recording into the cache',
    flags: [],
    run: syncCommand,
  },
  {
    name: 'search',
    args: '[QUERY…]',
    summary: 'search the cache offline',
    flags: ['limit', 'offset', 'sort'],
    details: SEARCH_SYNTAX,
    run: searchCommand,
  },
  {
    name: 'show',
    args: 'UUID',
    summary: 'one recording, every field the server sent (queued edits shown)',
    flags: [],
    run: (ctx, args) => showCommand(ctx, args),
  },
  {
    name: 'edit',
    args: 'UUID',
    summary: 'queue an edit; never touches the network (sent by push or sync)',
    flags: ['title', 'summary', 'description', 'clear-summary', 'clear-description'],
    flagRows: [
      { flags: ['title', 'summary', 'description'] },
      {
        flags: ['clear-summary', 'clear-description'],
        note: 'set it to null (--summary "" sets empty text)',
      },
    ],
    run: editCommand,
  },
  {
    name: 'push',
    summary: 'send queued edits now (exit 4 if the server is unreachable)',
    flags: [],
    run: pushCommand,
  },
  {
    name: 'queue',
    summary: 'list queued, failed and conflicting edits, oldest first',
    flags: [],
    run: queueCommand,
  },
  {
    name: 'retry',
    args: 'ID',
    summary: 'queue a failed or conflicting edit again',
    flags: [],
    run: (ctx, args, options) => decideCommand(ctx, 'retry', args, options),
  },
  {
    name: 'discard',
    args: 'ID',
    summary: 'drop a queued edit',
    flags: [],
    run: (ctx, args, options) => decideCommand(ctx, 'discard', args, options),
  },
  {
    name: 'resolve',
    args: 'ID --keep-mine|--take-theirs',
    summary:
      "settle a conflict's fields: send yours over the server's, or keep\n" +
      "theirs (the edit's other fields stay queued either way)",
    flags: ['keep-mine', 'take-theirs'],
    // The usage line already shows them.
    flagRows: [],
    run: (ctx, args, options) => decideCommand(ctx, 'resolve', args, options),
  },
  {
    name: 'export',
    summary: 'every cached recording',
    flags: ['format', 'out'],
    run: (ctx, _args, options) => exportCommand(ctx, options),
  },
  {
    name: 'login',
    noArgsMessage: 'login reads the token on stdin, not as an argument (it would stay in your shell history)',
    summary: 'read a token on stdin, check it, keep it in the OS keychain',
    flags: [],
    run: loginCommand,
  },
  {
    name: 'logout',
    summary: 'forget the token of this API URL (the cache stays)',
    flags: [],
    run: logoutCommand,
  },
  {
    name: 'demo',
    summary: 'serve a demo account on 127.0.0.1; prints its URL and tokens',
    flags: ['port', 'recordings', 'latency', 'page-size'],
    run: (ctx, _args, options) => demoCommand(ctx, options),
  },
];

/** The command of that name, or undefined. */
export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
