// Plain values the component tests start from.
import type { OutboxItem, SyncStatus } from '../../src/shared/contract';

export const IDLE: SyncStatus = {
  running: false,
  progress: null,
  lastSyncAt: 1_767_000_000_000,
  lastError: null,
  online: true,
  cached: 250,
  rateLimitedUntil: null,
  kept: null,
  cacheRevision: 3,
};

/** A queued edit of one recording's title, in `status`. */
export function editItem(over: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id: 7,
    uuid: 'rec-1',
    recordingTitle: 'Checkout fails',
    status: 'pending',
    fields: { title: 'Checkout fails with 2FA' },
    base: { title: 'Checkout fails' },
    theirs: null,
    conflicts: [],
    error: null,
    attempts: 0,
    createdAt: 1_767_000_000_000,
    updatedAt: 1_767_000_000_000,
    ...over,
  };
}
