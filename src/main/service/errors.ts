import type { ErrorCode } from '../../shared/contract';
import { CodedError, type Reported } from '../../shared/coded-error';

/** A failure the service raises on purpose, with a code the UI acts on and a message for people. */
export class ServiceError extends CodedError<ErrorCode> {
  override readonly name = 'ServiceError';

  get reported(): Reported {
    return { uiCode: this.code };
  }
}

/** The error every account-bound call raises while nobody is signed in. */
export function notSignedIn(): ServiceError {
  return new ServiceError('not_signed_in', 'Sign in to a Screendesk account first.');
}
