import type { SecretStore } from './secret-store';
import { SecretStoreError } from './secret-store';

type Keytar = {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
};

/** The OS keychain (Keychain, Credential Vault, Secret Service) through keytar. */
export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;

  constructor(
    private readonly keytar: Keytar,
    private readonly service: string,
    private readonly timeoutMs: number,
  ) {}

  get(apiUrl: string): Promise<string | null> {
    return this.#call('read the token from', () => this.keytar.getPassword(this.service, apiUrl));
  }

  set(apiUrl: string, token: string): Promise<void> {
    return this.#call('save the token in', () => this.keytar.setPassword(this.service, apiUrl, token));
  }

  delete(apiUrl: string): Promise<boolean> {
    return this.#call('remove the token from', () => this.keytar.deletePassword(this.service, apiUrl));
  }

  // A locked keyring can leave a call waiting for a prompt nobody sees: bound every call. The native
  // call cannot be cancelled, so it is left to finish (or not) in the background.
  async #call<T>(what: string, op: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new SecretStoreError(
              'keychain_timeout',
              `The system keychain did not answer within ${Math.round(this.timeoutMs / 1000)} s (is it locked?)`,
            ),
          ),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([op(), timeout]);
    } catch (error) {
      if (error instanceof SecretStoreError) throw error;
      throw new SecretStoreError(
        'keychain_unavailable',
        `Could not ${what} the system keychain: ${reason(error)}`,
      );
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Loads keytar's native module; null when it cannot load (missing libsecret, wrong ABI). */
export async function loadKeytar(): Promise<Keytar | null> {
  try {
    const mod = (await import('keytar')) as { default?: Keytar } & Partial<Keytar>;
    return mod.default ?? (mod as Keytar);
  } catch {
    return null;
  }
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // libsecret's D-Bus errors are long and technical; the first line says what matters.
  return text.split('\n')[0]?.trim() || 'unknown error';
}
