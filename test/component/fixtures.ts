// Plain values the component tests start from.
import type { OutboxItem, SearchHit, SyncStatus } from '../../src/shared/contract';

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

/** A search hit of a live recording without a queued edit. */
export function searchHit(uuid: string, title: string): SearchHit {
  return {
    uuid,
    title,
    summary: null,
    recording_type: 'Live',
    platform: 'zendesk',
    source: null,
    created_at: '2026-11-30T10:00:00Z',
    updated_at: null,
    duration: 61,
    customer_email: null,
    user_email: null,
    user_name: null,
    has_logs: false,
    has_summary: false,
    edited: false,
    snippet: null,
    local: null,
  };
}
