// The sdesk command line. Each command opens the account's cache, does one thing and exits with a
// code scripts can act on; people read stderr, programs read stdout. The commands are in
// ./command-table.ts; ./run.ts runs one invocation.
import { run } from './run';

// `sdesk search … | head` closes the pipe early: that is not an error worth a message.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2));
