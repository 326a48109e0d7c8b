// Turning anything thrown below the doors into the {code, message} the UI can act on. Known errors
// keep their message (written for people, token-free); anything else becomes a generic 'internal'
// error whose details go to the log only.
import { ZodError } from 'zod';
import { CodedError } from '../../shared/coded-error';
import type { IpcError } from '../../shared/contract';
import { ErrorCode } from '../../shared/contract';
import { oneLine } from '../log/redact';
import type { Logger } from '../log/logger';

/** The generic message of an unexpected error: the details are in the log file. */
export const INTERNAL_MESSAGE = 'Something went wrong inside the app. The details are in the log file.';

/** Maps a thrown value to an IpcError; unexpected ones are logged with `context`. */
export function toIpcError(error: unknown, log: Logger, context: string): IpcError {
  // Every error raised on purpose says what the UI is told; the check stays for a code cast past the types.
  if (error instanceof CodedError) {
    const { uiCode, logged } = error.reported;
    if (ErrorCode.safeParse(uiCode).success) {
      if (logged !== undefined) log[logged.level](`${context}: ${logged.what}`, error);
      return { code: uiCode, message: error.message };
    }
  }
  if (error instanceof ZodError) {
    return { code: 'invalid_arguments', message: describeZodError(error) };
  }
  log.error(`${context}: unexpected error`, error);
  return { code: 'internal', message: INTERNAL_MESSAGE };
}

/** A short, value-free description of what was wrong with some arguments. */
export function describeZodError(error: ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.map((p) => String(p)).join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  // Keys come from the caller: bound and flatten them so a hostile key cannot flood the UI or the log.
  return oneLine(`Invalid arguments: ${parts.join('; ')}${more}`, 300);
}
