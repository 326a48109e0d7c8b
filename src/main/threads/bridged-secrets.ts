// The keychain stays with the door (its probe, its warning, its fallback are the door's choice, and keytar
// is loaded once): the service thread's SecretStore asks the door's thread for each token.
import type { SecretStore } from '../secrets';
import type { Rpc } from './rpc';

/** The service thread's token store, over `rpc`. */
export class SecretsThroughParent implements SecretStore {
  constructor(
    readonly kind: SecretStore['kind'],
    private readonly rpc: Rpc,
  ) {}

  get(apiUrl: string): Promise<string | null> {
    return this.rpc.ask('secrets.get', { apiUrl });
  }

  set(apiUrl: string, token: string): Promise<void> {
    return this.rpc.ask('secrets.set', { apiUrl, token });
  }

  delete(apiUrl: string): Promise<boolean> {
    return this.rpc.ask('secrets.delete', { apiUrl });
  }
}

/** Answers the service thread's token requests from `store`. */
export function serveSecrets(rpc: Rpc, store: SecretStore): void {
  rpc.handle('secrets.get', ({ apiUrl }: { apiUrl: string }) => store.get(apiUrl));
  rpc.handle('secrets.set', ({ apiUrl, token }: { apiUrl: string; token: string }) =>
    store.set(apiUrl, token),
  );
  rpc.handle('secrets.delete', ({ apiUrl }: { apiUrl: string }) => store.delete(apiUrl));
}
