// Search results as the user sees them: a recording with a queued edit shows the edit's title and summary
// in the list too, not only in the detail view. The search index itself holds the server's text, so a
// recording is found by its server text until the edit is sent (and by the new text after the next sync).
import type { OutboxRepo } from './repo';

/** The columns of a search hit that a queued edit can change. */
export interface EditableHit {
  uuid: string;
  title: string | null;
  summary: string | null;
  has_summary: boolean;
  edited: boolean;
}

/** `hits` with the queued title and summary laid over those that have an open edit. */
export function overlayHits<T extends EditableHit>(repo: OutboxRepo, hits: readonly T[]): T[] {
  const edits = new Map(
    repo.openForMany(hits.filter((h) => h.edited).map((h) => h.uuid)).map((r) => [r.uuid, r]),
  );
  if (edits.size === 0) return [...hits];
  return hits.map((hit) => {
    const fields = edits.get(hit.uuid)?.fields;
    if (fields === undefined) return hit;
    const summary = fields.summary === undefined ? hit.summary : fields.summary;
    return {
      ...hit,
      title: fields.title === undefined ? hit.title : fields.title,
      summary,
      has_summary: summary !== null && summary.trim() !== '',
    };
  });
}
