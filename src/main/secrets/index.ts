export type { SecretStore, SecretStoreErrorCode } from './secret-store';
export { SecretStoreError } from './secret-store';
export { MemorySecretStore } from './memory-store';
export { KeytarSecretStore, loadKeytar } from './keytar-store';
export { openSecretStore } from './open';
export type { OpenedSecretStore, OpenSecretStoreOptions } from './open';
