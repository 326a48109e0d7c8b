// One sdesk invocation: parse against the flag table, find the command in the command table, check
// what it takes, run it, and turn what went wrong into an exit code and one message on stderr.
import { isGlobalFlag, parseCliArgs } from './args';
import type { CliOptions } from './args';
import type { CommandSpec } from './command-table';
import { findCommand } from './command-table';
import { makeContext } from './context';
import { describeFailure, EXIT, usage } from './errors';
import { commandHelp, overviewHelp } from './help';
import { cliVersion } from './version';

/** Runs one sdesk invocation and returns its exit code. */
export async function run(argv: string[]): Promise<number> {
  try {
    const { command: name, positionals, options } = parseCliArgs(argv);
    // Help and version need no token, no cache and no valid --api-url.
    if (name === 'help') {
      const [topic, ...extra] = positionals;
      if (extra.length > 0) throw usage('help takes at most one command name');
      process.stdout.write(topic === undefined ? overviewHelp() : commandHelp(known(topic)));
      return EXIT.ok;
    }
    if (options.help) {
      process.stdout.write(name === undefined ? overviewHelp() : commandHelp(known(name)));
      return EXIT.ok;
    }
    if (options.version) {
      process.stdout.write(`sdesk ${cliVersion()}\n`);
      return EXIT.ok;
    }
    if (name === undefined) throw usage('No command given');
    const ctx = makeContext(options);
    const command = known(name);
    checkFlags(command, options);
    if (command.args === undefined && positionals.length > 0)
      throw usage(command.noArgsMessage ?? `${command.name} takes no arguments`);
    await command.run(ctx, positionals, options);
    return EXIT.ok;
  } catch (error) {
    const { code, message } = describeFailure(error);
    process.stderr.write(`sdesk: ${message}\n`);
    return code;
  }
}

function known(name: string): CommandSpec {
  const command = findCommand(name);
  if (command === undefined) throw usage(`Unknown command '${name}'`);
  return command;
}

/** Rejects flags the command does not take (a typo must not be silently ignored). */
function checkFlags(command: CommandSpec, options: CliOptions): void {
  for (const key of Object.keys(options) as (keyof CliOptions)[]) {
    if (!isGlobalFlag(key) && !command.flags.includes(key))
      throw usage(`'${command.name}' does not take --${key}`);
  }
}
