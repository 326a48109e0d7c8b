// Errors raised by queuing and deciding on edits. The code is what the UI and the CLI branch on (both are
// members of the IPC contract's ErrorCode); the message is written for a person.

/** Why an outbox operation was refused. */
export type OutboxErrorCode = 'validation' | 'not_found';

/** An edit that cannot be queued, or an outbox decision on an edit that does not allow it. */
export class OutboxError extends Error {
  override readonly name = 'OutboxError';

  constructor(
    readonly code: OutboxErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** True when `e` is an OutboxError (with the given code, if one is passed). */
export function isOutboxError(e: unknown, code?: OutboxErrorCode): e is OutboxError {
  return e instanceof OutboxError && (code === undefined || e.code === code);
}
