// The local store: one migrated SQLite cache per account. See open.ts for the layout and the version check.
export { accountDbPath, accountDir, accountIdFor, normalizeApiUrl } from './account-id';
export { deleteAccountCache, listAccounts, registerAccount } from './accounts';
export { DbError } from './errors';
export type { MetaRepo } from './meta-repo';
export { META_KEYS } from './meta-repo';
export type { AccountDb } from './open';
export { BUSY_TIMEOUT_MS, openAccountDb } from './open';
export { withBackgroundCheckpoints } from './background-checkpoint';
export { readOverview } from './overview';
export { inReadSnapshot } from './read-snapshot';
export { needsIndexMerge, mergeSearchIndex } from './search-index-merge';
export type { RecordingsRepo, UpsertResult } from './recordings-repo';
export type { OutboxRepo, OutboxRow } from './outbox-repo';
export { createOutboxRepo } from './outbox-repo';
export { openAccountDbForReading } from './open-reader';
