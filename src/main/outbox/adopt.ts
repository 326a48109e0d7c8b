// Carrying queued edits over to a new token. A cache belongs to (API URL, token), so after a 401 the user's
// new token opens a different, empty cache, and the edits typed under the rejected token would stay behind
// where nothing can ever send them. The service calls this after such a sign-in to bring them along.
import type { AccountDb } from '../db';
import { META_KEYS, openAccountDb } from '../db';
import { OutboxError } from './errors';
import type { OutboxRepo } from '../db';
import { createOutboxRepo } from '../db';

/**
 * Moves the open edits of the cache `fromAccountId` (same data dir, same API URL) into `to`, keeping their
 * status, values and queue order; returns how many moved. Each edit is written into `to` before it is
 * removed from the old cache, so a crash in between leaves a duplicate (sent twice, harmlessly), never a
 * loss. An edit for a recording that already has an open edit in `to` stays where it is.
 */
export function adoptEdits(
  dataDir: string,
  fromAccountId: string,
  to: { db: AccountDb; repo: OutboxRepo },
  now: number,
): number {
  if (fromAccountId === to.db.accountId) return 0;
  const from = openAccountDb({ dataDir, accountId: fromAccountId });
  try {
    if (from.meta.get(META_KEYS.apiUrl) !== to.db.meta.get(META_KEYS.apiUrl)) {
      throw new OutboxError('validation', 'Queued edits can only move between tokens of the same API URL.');
    }
    const source = createOutboxRepo(from.sqlite);
    let moved = 0;
    for (const row of source.listOpen()) {
      const copied = to.repo.durably(() => {
        if (to.repo.openFor(row.uuid) !== undefined) return false;
        const id = to.repo.insert({ uuid: row.uuid, fields: row.fields, base: row.base, now: row.createdAt });
        to.repo.update(id, {
          status: row.status,
          error: row.error,
          attempts: row.attempts,
          theirs: row.theirs,
          sent: row.sent,
          updatedAt: now,
        });
        return true;
      });
      if (!copied) continue;
      source.durably(() => source.remove(row.id));
      moved++;
    }
    return moved;
  } finally {
    from.close();
  }
}
