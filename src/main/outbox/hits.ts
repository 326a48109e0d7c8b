// Search results as the user sees them: a recording with a queued edit shows the edit's title and summary
// in the list too, not only in the detail view, and the state of that edit (pending, failed, conflict) for
// the list's badge. The search index itself holds the server's text, so a recording is found by its server
// text until the edit is sent (and by the new text after the next sync).
import type { OutboxItem } from '../../shared/contract';
import { toOutboxItem } from './item';
import type { OutboxRepo } from '../db';

/** The columns of a search hit that a queued edit can change. */
export interface EditableHit {
  uuid: string;
  title: string | null;
  summary: string | null;
  has_summary: boolean;
  edited: boolean;
}

/** A hit with the state of its open edit, or null when it has none. */
export type HitWithEdit<T> = T & { local: OutboxItem['status'] | null };

/**
 * `hits` with the queued title and summary laid over those that have an open edit, and that edit's state:
 * one query for the page. A recording has at most one open edit (queue.ts merges later edits into it).
 */
export function overlayHits<T extends EditableHit>(repo: OutboxRepo, hits: readonly T[]): HitWithEdit<T>[] {
  const edits = new Map(
    repo.openForMany(hits.filter((h) => h.edited).map((h) => h.uuid)).map((r) => [r.uuid, r]),
  );
  return hits.map((hit) => {
    const edit = edits.get(hit.uuid);
    if (edit === undefined) return { ...hit, local: null };
    const { fields } = edit;
    const summary = fields.summary === undefined ? hit.summary : fields.summary;
    return {
      ...hit,
      title: fields.title === undefined ? hit.title : fields.title,
      summary,
      has_summary: summary !== null && summary.trim() !== '',
      local: toOutboxItem(edit).status,
    };
  });
}
