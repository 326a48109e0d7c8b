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
export class SecretStoreError extends Error {
  override readonly name = 'SecretStoreError';
  constructor(
    readonly code: SecretStoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}
