// `sdesk --help` and `sdesk help COMMAND`, written from the command table and the flag table, so a
// command or a flag cannot be added without appearing here.
import { FLAGS, flagSpec, isGlobalFlag } from './args';
import type { FlagName } from './args';
import type { CommandSpec } from './command-table';
import { COMMANDS } from './command-table';

/** Where the summaries start in the command listing. */
const SUMMARY_COLUMN = 28;

const EXIT_CODES =
  'Exit codes: 0 success, 1 failure, 2 usage, 3 no token or token rejected, 4 server unreachable.\n';

const ENVIRONMENT = `The token comes from $SCREENDESK_API_TOKEN, else the keychain (see login).
push and sync give up within about 30 s when the server does not answer.
`;

const GLOBAL_FLAGS = (Object.keys(FLAGS) as FlagName[]).filter(isGlobalFlag);

/** `--name VALUE`, as the flag is typed. */
function flagUsage(name: FlagName): string {
  const flag = flagSpec(name);
  return flag.value === undefined ? `--${name}` : `--${name} ${flag.value}`;
}

/** `--out FILE, -o`: the flag with its short form, for the option lists. */
function flagTyped(name: FlagName): string {
  const { short } = flagSpec(name);
  return short === undefined ? flagUsage(name) : `${flagUsage(name)}, -${short}`;
}

/** `sdesk [--api-url URL] [--data-dir DIR] [--json]`: help and version stand alone, so not shown here. */
const GLOBAL_USAGE = [
  'sdesk',
  ...GLOBAL_FLAGS.filter((name) => name !== 'help' && name !== 'version').map(
    (name) => `[${flagUsage(name)}]`,
  ),
].join(' ');

/** `--limit N (20, any number)`: the compact form of the listing. */
function flagShort(name: FlagName): string {
  const flag = flagSpec(name);
  return flag.def === undefined ? flagUsage(name) : `${flagUsage(name)} (${flag.def})`;
}

function synopsis(command: CommandSpec): string {
  return command.args === undefined ? command.name : `${command.name} ${command.args}`;
}

/** A table of `left  right` lines, the right column aligned. */
function aligned(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`.trimEnd() + '\n').join('');
}

function listingOf(command: CommandSpec): string {
  const left = `  ${synopsis(command)}`;
  const [first, ...more] = command.summary.split('\n');
  const indent = ' '.repeat(SUMMARY_COLUMN);
  let out =
    left.length < SUMMARY_COLUMN - 1
      ? `${left.padEnd(SUMMARY_COLUMN)}${first}\n`
      : `${left}\n${indent}${first}\n`;
  for (const line of more) out += `${indent}${line}\n`;
  const rows = command.flagRows ?? (command.flags.length > 0 ? [{ flags: command.flags }] : []);
  for (const row of rows) {
    const note = row.note === undefined ? '' : `   ${row.note}`;
    out += `      ${row.flags.map(flagShort).join('  ')}${note}\n`;
  }
  return out;
}

/** `sdesk --help`: every command, the global options, the search syntax and the exit codes. */
export function overviewHelp(): string {
  const globals = aligned(GLOBAL_FLAGS.map((name) => [flagTyped(name), flagSpec(name).help]));
  const details = COMMANDS.flatMap((c) => (c.details === undefined ? [] : [c.details]));
  return [
    'sdesk — Screendesk Desktop on the command line (same cache as the app)\n',
    `Usage: ${GLOBAL_USAGE} <command> [options]\n`,
    `Commands:\n${COMMANDS.map(listingOf).join('')}`,
    `Options:\n${globals}`,
    ENVIRONMENT,
    ...details,
    "Run 'sdesk help COMMAND' for one command's options.\n",
    EXIT_CODES,
  ].join('\n');
}

/** `sdesk help NAME` and `sdesk NAME --help`: one command, each of its flags explained. */
export function commandHelp(command: CommandSpec): string {
  const { summary } = command;
  // resolve's usage already names its flags (flagRows: []).
  const more = command.flags.length > 0 && command.flagRows?.length !== 0 ? ' [options]' : '';
  const parts = [
    `Usage: ${GLOBAL_USAGE} ${synopsis(command)}${more}\n`,
    `${summary.charAt(0).toUpperCase()}${summary.slice(1)}.\n`,
  ];
  if (command.flags.length > 0) {
    const rows = command.flags.map((name): [string, string] => {
      const flag = flagSpec(name);
      return [flagTyped(name), flag.def === undefined ? flag.help : `${flag.help} (default: ${flag.def})`];
    });
    parts.push(`Options:\n${aligned(rows)}`);
  }
  if (command.details !== undefined) parts.push(command.details);
  parts.push("Global options: see 'sdesk --help'.\n", EXIT_CODES);
  return parts.join('\n');
}
