import { KeytarSecretStore, loadKeytar } from './keytar-store';
import { MemorySecretStore } from './memory-store';
import type { SecretStore } from './secret-store';
import { SecretStoreError } from './secret-store';

export interface OpenSecretStoreOptions {
  /** Keychain service name: the app's name, so users recognise the entry. */
  service: string;
  /** Bound on each keychain call; a locked keyring may never answer. */
  timeoutMs?: number;
}

export interface OpenedSecretStore {
  store: SecretStore;
  /** Set when the keychain is unusable and tokens are kept for this session only: tell the user. */
  warning: string | null;
  /** Why the keychain is unusable (the first part of `warning`), or null. */
  reason: string | null;
}

const PROBE_ACCOUNT = 'screendesk-desktop:probe';

/**
 * Opens the OS keychain, proving it works with one harmless read; falls back to a session-only
 * in-memory store (never plain text on disk) and says why.
 */
export async function openSecretStore(opts: OpenSecretStoreOptions): Promise<OpenedSecretStore> {
  const keytar = await loadKeytar();
  if (!keytar) {
    return memory('The keychain library could not be loaded');
  }
  const store = new KeytarSecretStore(keytar, opts.service, opts.timeoutMs ?? 5_000);
  try {
    await store.get(PROBE_ACCOUNT);
    return { store, warning: null, reason: null };
  } catch (error) {
    return memory(error instanceof SecretStoreError ? error.message : String(error));
  }
}

function memory(why: string): OpenedSecretStore {
  return {
    store: new MemorySecretStore(),
    warning: `${why}. Your token will be kept for this session only and asked for again next time.`,
    reason: why,
  };
}
