// Errors raised by queuing and deciding on edits. The code is what the UI and the CLI branch on (both are
// members of the IPC contract's ErrorCode); the message is written for a person.
import { CodedError, isCodedError, type Reported } from '../../shared/coded-error';

/** Why an outbox operation was refused. */
export type OutboxErrorCode = 'validation' | 'not_found';

/** An edit that cannot be queued, or an outbox decision on an edit that does not allow it. */
export class OutboxError extends CodedError<OutboxErrorCode> {
  override readonly name = 'OutboxError';

  get reported(): Reported {
    return { uiCode: this.code };
  }
}

/** True when `e` is an OutboxError (with the given code, if one is passed). */
export function isOutboxError(e: unknown, code?: OutboxErrorCode): e is OutboxError {
  return isCodedError(e, OutboxError, code === undefined ? [] : [code]);
}
