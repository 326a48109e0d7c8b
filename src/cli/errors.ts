import { CodedError, type Reported } from '../shared/coded-error';
import { isApiError } from '../main/api';
import { tryAgainLine } from './wait';

/** sdesk's exit codes, as documented in `sdesk --help`. */
export const EXIT = { ok: 0, failure: 1, usage: 2, auth: 3, unreachable: 4 } as const;

/** The name of a failing exit code: what a CliError's `code` holds. */
type ExitName = Exclude<keyof typeof EXIT, 'ok'>;
type FailingExit = (typeof EXIT)[ExitName];

const EXIT_NAMES = Object.fromEntries(Object.entries(EXIT).map(([name, code]) => [code, name])) as Record<
  FailingExit,
  ExitName
>;

/** A failure with the exit code it should end the process with. */
export class CliError extends CodedError<ExitName> {
  override readonly name = 'CliError';

  constructor(
    readonly exitCode: FailingExit,
    message: string,
  ) {
    super(EXIT_NAMES[exitCode], message);
  }

  /** The CLI is a door of its own: its errors never cross IPC. */
  get reported(): Reported {
    return { uiCode: 'internal' };
  }
}

/** A usage mistake (exit 2). */
export function usage(message: string): CliError {
  return new CliError(EXIT.usage, `${message}\nRun 'sdesk --help' for usage.`);
}

/** Maps any error to an exit code and a message for people. */
export function describeFailure(error: unknown): { code: number; message: string } {
  if (error instanceof CliError) return { code: error.exitCode, message: error.message };
  if (isApiError(error)) {
    if (error.code === 'auth') return { code: EXIT.auth, message: error.message };
    if (error.code === 'network' || error.code === 'timeout')
      return { code: EXIT.unreachable, message: error.message };
    // The server said when it allows requests again (Retry-After): say so, rather than have scripts guess.
    if (error.retryAt !== undefined && error.retryAt > Date.now())
      return { code: EXIT.failure, message: `${error.message}.\n${tryAgainLine(error.retryAt)}` };
    return { code: EXIT.failure, message: error.message };
  }
  // Every other failure raised on purpose (store, keychain, outbox, service) has a message for people.
  if (error instanceof CodedError) return { code: EXIT.failure, message: error.message };
  if (error instanceof Error && error.name === 'AbortError')
    return { code: EXIT.failure, message: 'Cancelled' };
  return { code: EXIT.failure, message: error instanceof Error ? error.message : String(error) };
}
