import type { ErrorCode } from '../../shared/contract';

/** A failure the service raises on purpose, with a code the UI acts on and a message for people. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The error every account-bound call raises while nobody is signed in. */
export function notSignedIn(): ServiceError {
  return new ServiceError('not_signed_in', 'Sign in to a Screendesk account first.');
}
