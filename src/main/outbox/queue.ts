// Queuing an edit: validated, merged into the recording's open edit if it has one, and committed durably
// before the caller hears it succeeded. No network: this is what works on the train.
import type { RecordingsRepo } from '../db';
import { OutboxError } from './errors';
import type { FieldValues } from './fields';
import { fieldsOf, overlay, serverValue, serverValues } from './fields';
import type { OutboxRepo, OutboxRow } from './repo';
import { validateEdit } from './validate';

/** A cached recording found by uuid as typed (case and surrounding spaces forgiven). */
export interface CachedRecording {
  uuid: string;
  record: Record<string, unknown>;
}

/** The cached recording with this uuid, or undefined. */
export function findCached(recordings: RecordingsRepo, uuid: string): CachedRecording | undefined {
  const typed = uuid.trim();
  for (const candidate of new Set([typed, typed.toLowerCase()])) {
    const raw = recordings.getRaw(candidate);
    if (raw !== undefined) return { uuid: candidate, record: JSON.parse(raw) as Record<string, unknown> };
  }
  return undefined;
}

/**
 * Queues `input` (title/summary/description) for the recording `uuid` and returns the stored edit.
 *
 * Merge rule: a recording has at most one open edit. A new edit's fields are compared with what the user
 * sees (the server's copy overlaid with the open edit) and only the ones that differ are kept; they are
 * laid over the open edit's fields. Each field keeps the base it was first edited from, so a later
 * conflict check compares against what the user actually started from. Editing a failed or conflicting
 * edit puts it back in the queue as pending: the error is cleared and the next push checks the server
 * again, so an edit never silently overrides another writer.
 */
export function queueEdit(
  repo: OutboxRepo,
  recordings: RecordingsRepo,
  uuid: string,
  input: unknown,
  now: number,
): OutboxRow {
  const wanted = validateEdit(input);
  return repo.durably(() => {
    const cached = findCached(recordings, uuid);
    if (cached === undefined) {
      throw new OutboxError(
        'not_found',
        `No recording ${uuid.trim().slice(0, 80)} in the cache; sync first, then edit it.`,
      );
    }
    const open = repo.openFor(cached.uuid);
    const shown = open === undefined ? cached.record : overlay(cached.record, open.fields);
    const changed: FieldValues = {};
    for (const f of fieldsOf(wanted)) if (wanted[f] !== serverValue(shown, f)) changed[f] = wanted[f];

    if (open === undefined) {
      if (fieldsOf(changed).length === 0) {
        throw new OutboxError('validation', 'Nothing to change: the recording already has these values.');
      }
      const base = serverValues(cached.record, fieldsOf(changed));
      const id = repo.insert({ uuid: cached.uuid, fields: changed, base, now });
      return repo.get(id) as OutboxRow;
    }
    if (fieldsOf(changed).length === 0) return open;
    const base: FieldValues = { ...open.base };
    for (const f of fieldsOf(changed)) if (base[f] === undefined) base[f] = serverValue(cached.record, f);
    repo.update(open.id, {
      fields: { ...open.fields, ...changed },
      base,
      status: 'pending',
      error: null,
      theirs: null,
      attempts: 0,
      nextAttemptAt: null,
      updatedAt: now,
    });
    return repo.get(open.id) as OutboxRow;
  });
}
