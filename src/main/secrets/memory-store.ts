import type { SecretStore } from './secret-store';

/** Keeps tokens in this process only: used when no keychain is usable, never written to disk. */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory' as const;
  readonly #tokens = new Map<string, string>();

  async get(apiUrl: string): Promise<string | null> {
    return this.#tokens.get(apiUrl) ?? null;
  }

  async set(apiUrl: string, token: string): Promise<void> {
    this.#tokens.set(apiUrl, token);
  }

  async delete(apiUrl: string): Promise<boolean> {
    return this.#tokens.delete(apiUrl);
  }
}
