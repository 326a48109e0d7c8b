import { isApiError } from '../main/api';
import { isDbError } from '../main/db';
import { SecretStoreError } from '../main/secrets';
import { tryAgainLine } from './wait';

/** sdesk's exit codes, as documented in `sdesk --help`. */
export const EXIT = { ok: 0, failure: 1, usage: 2, auth: 3, unreachable: 4 } as const;

/** A failure with the exit code it should end the process with. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
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
  if (isDbError(error) || error instanceof SecretStoreError)
    return { code: EXIT.failure, message: error.message };
  if (error instanceof Error && error.name === 'AbortError')
    return { code: EXIT.failure, message: 'Cancelled' };
  return { code: EXIT.failure, message: error instanceof Error ? error.message : String(error) };
}
