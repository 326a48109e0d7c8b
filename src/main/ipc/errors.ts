// Turning anything thrown below the doors into the {code, message} the UI can act on. Known errors
// keep their message (written for people, token-free); anything else becomes a generic 'internal'
// error whose details go to the log only.
import { ZodError } from 'zod';
import type { IpcError } from '../../shared/contract';
import { ErrorCode } from '../../shared/contract';
import { ApiError } from '../api';
import { oneLine } from '../log/redact';
import { DbError } from '../db';
import { SecretStoreError } from '../secrets';
import { ServiceError } from '../service/errors';
import type { Logger } from '../log/logger';

/** The generic message of an unexpected error: the details are in the log file. */
export const INTERNAL_MESSAGE = 'Something went wrong inside the app. The details are in the log file.';

/** Maps a thrown value to an IpcError; unexpected ones are logged with `context`. */
export function toIpcError(error: unknown, log: Logger, context: string): IpcError {
  if (error instanceof ServiceError && ErrorCode.safeParse(error.code).success) {
    return { code: error.code, message: error.message };
  }
  if (isOutboxError(error)) {
    return { code: error.code, message: error.message };
  }
  if (error instanceof ApiError) {
    // The API client's codes are a subset of the contract's, one to one.
    return { code: error.code, message: error.message };
  }
  if (error instanceof DbError) {
    log.error(`${context}: local database error`, error);
    return { code: 'db', message: error.message };
  }
  if (error instanceof SecretStoreError) {
    log.warn(`${context}: keychain error`, error);
    return { code: 'keychain', message: error.message };
  }
  if (error instanceof ZodError) {
    return { code: 'invalid_arguments', message: describeZodError(error) };
  }
  log.error(`${context}: unexpected error`, error);
  return { code: 'internal', message: INTERNAL_MESSAGE };
}

// Queued-edit refusals (validation, not_found) carry contract codes; recognised by name so this module
// does not depend on the outbox module's internals.
function isOutboxError(error: unknown): error is Error & { code: ErrorCode } {
  return (
    error instanceof Error &&
    error.name === 'OutboxError' &&
    ErrorCode.safeParse((error as { code?: unknown }).code).success
  );
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
