// The sdesk command line. Each command opens the account's cache, does one thing and exits with a
// code scripts can act on; people read stderr, programs read stdout.
import { allowOnly, parseCliArgs } from './args';
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
import { makeContext } from './context';
import { describeFailure, EXIT, usage } from './errors';
import { HELP } from './help';

/** Runs one sdesk invocation and returns its exit code. */
export async function run(argv: string[]): Promise<number> {
  try {
    const { command, positionals, options } = parseCliArgs(argv);
    if (options.help || command === 'help') {
      process.stdout.write(HELP);
      return EXIT.ok;
    }
    if (options.version) {
      process.stdout.write('sdesk 0.1.0\n');
      return EXIT.ok;
    }
    if (command === undefined) throw usage('No command given');
    const ctx = makeContext(options);
    switch (command) {
      case 'sync':
        allowOnly(command, options, []);
        if (positionals.length > 0) throw usage('sync takes no arguments');
        await syncCommand(ctx);
        break;
      case 'search':
        allowOnly(command, options, ['limit', 'offset', 'sort']);
        await searchCommand(ctx, positionals, options);
        break;
      case 'show':
        allowOnly(command, options, []);
        await showCommand(ctx, positionals);
        break;
      case 'edit':
        allowOnly(command, options, [
          'title',
          'summary',
          'description',
          'clear-summary',
          'clear-description',
        ]);
        await editCommand(ctx, positionals, options);
        break;
      case 'push':
        allowOnly(command, options, []);
        await pushCommand(ctx, positionals);
        break;
      case 'queue':
        allowOnly(command, options, []);
        await queueCommand(ctx, positionals);
        break;
      case 'retry':
      case 'discard':
        allowOnly(command, options, []);
        await decideCommand(ctx, command, positionals, options);
        break;
      case 'resolve':
        allowOnly(command, options, ['keep-mine', 'take-theirs']);
        await decideCommand(ctx, command, positionals, options);
        break;
      case 'export':
        allowOnly(command, options, ['format', 'out']);
        await exportCommand(ctx, positionals, options);
        break;
      case 'login':
        allowOnly(command, options, []);
        await loginCommand(ctx, positionals);
        break;
      case 'logout':
        allowOnly(command, options, []);
        await logoutCommand(ctx, positionals);
        break;
      case 'demo':
        allowOnly(command, options, ['port', 'recordings', 'latency', 'page-size']);
        await demoCommand(ctx, positionals, options);
        break;
      default:
        throw usage(`Unknown command '${command}'`);
    }
    return EXIT.ok;
  } catch (error) {
    const { code, message } = describeFailure(error);
    process.stderr.write(`sdesk: ${message}\n`);
    return code;
  }
}

// `sdesk search … | head` closes the pipe early: that is not an error worth a message.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2));
