export type { SecretStore } from './secret-store';
export { SecretStoreError } from './secret-store';
export { MemorySecretStore } from './memory-store';
export { KeytarSecretStore } from './keytar-store';
export { openSecretStore } from './open';
