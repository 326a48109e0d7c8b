import { CodedError, type Reported } from '../../shared/coded-error';

/** Where API tokens are kept. The key is the API URL: one token per Screendesk server. */
export interface SecretStore {
  /** 'keychain' survives restarts; 'memory' is this session only (no usable keychain). */
  readonly kind: 'keychain' | 'memory';
  get(apiUrl: string): Promise<string | null>;
  set(apiUrl: string, token: string): Promise<void>;
  /** Returns whether a token was there to remove. */
  delete(apiUrl: string): Promise<boolean>;
}

export type SecretStoreErrorCode = 'keychain_unavailable' | 'keychain_timeout';

/** A keychain failure with a code the UI can act on and a message a person can read. */
export class SecretStoreError extends CodedError<SecretStoreErrorCode> {
  override readonly name = 'SecretStoreError';

  // The UI knows one keychain failure (the message says which). Only a warning in the log: a locked or
  // missing keychain is the machine's state, not the app's fault.
  get reported(): Reported {
    return { uiCode: 'keychain', logged: { level: 'warn', what: 'keychain error' } };
  }
}
