// What the UI says when a call fails: the code decides the wording, the service's message adds detail.
import type { IpcError } from '@shared/contract';

/** A sign-in failure as a person should read it. */
export function signInMessage(error: IpcError): string {
  switch (error.code) {
    case 'auth':
      return 'The server did not accept this token (401). Check that you copied the whole token and that it has not been revoked.';
    case 'forbidden':
      return 'This account has no API access (403). The Screendesk API is an Enterprise feature: ask your Screendesk admin to enable it.';
    case 'network':
    case 'timeout':
      return `The server could not be reached. Check the API URL and your connection. (${error.message})`;
    case 'invalid_arguments':
    case 'validation':
      return `Check the API URL and token: ${error.message}`;
    case 'keychain':
      return `Signed in, but the token could not be kept in the keychain: ${error.message}`;
    case 'not_found':
      return 'Nothing answered at that API URL (404). It should end in /api/v2.';
    default:
      return error.message || 'Signing in failed.';
  }
}

/** A one-line message for any failed call. */
export function describeError(error: IpcError): string {
  switch (error.code) {
    case 'network':
      return 'You are offline or the server cannot be reached.';
    case 'timeout':
      return 'The server took too long to answer.';
    case 'auth':
      return 'The server no longer accepts your token: sign in again.';
    case 'forbidden':
      return 'Your account is not allowed to do this.';
    default:
      return error.message || 'Something went wrong.';
  }
}

/** `text` ending like a sentence (a full stop added unless it already ends in . ! or ?). */
export function asSentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}
