// What the last sync kept unconfirmed, remembered in the account's meta table: the app's status bar shows
// it whichever door ran the sync (the app's scheduler, "Sync now", or `sdesk sync`).
import type { MetaRepo } from '../db';
import { META_KEYS } from '../db';

/** Remembers what a completed sync kept (0 and null clear it). */
export function noteKept(meta: MetaRepo, kept: number, reason: string | null): void {
  meta.set(META_KEYS.lastSyncKept, kept);
  meta.set(META_KEYS.lastSyncKeptReason, reason ?? '');
}

/** What the last completed sync kept unconfirmed, or null when it kept nothing. */
export function keptByLastSync(meta: MetaRepo): { count: number; reason: string } | null {
  const count = meta.getNumber(META_KEYS.lastSyncKept) ?? 0;
  if (!Number.isSafeInteger(count) || count <= 0) return null;
  return { count, reason: meta.get(META_KEYS.lastSyncKeptReason) ?? '' };
}
