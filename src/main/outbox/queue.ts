// Queuing an edit: validated, merged into the recording's open edit if it has one, and committed durably
// before the caller hears it succeeded. No network: this is what works on the train.
import type { RecordingsRepo } from '../db';
import { OutboxError } from './errors';
import type { EditableField } from '../../shared/edit-rules';
import type { FieldValues } from './fields';
import { fieldsOf, serverValue } from './fields';
import type { OutboxRepo, OutboxRow } from '../db';
import { validateEdit, validateStartedFrom } from './validate';

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
 * Queues `input` (title/summary/description) for the recording `uuid` and returns the stored edit, or
 * undefined when no field of the edit is left (every one was set back to what it was).
 *
 * `from` holds the values the user's editor started from (the server's values as the user saw them); a
 * field new to the edit takes its base from there, so a colleague's change that reached the cache while
 * the editor was open is a conflict at push time, not something the edit silently overwrites. Without
 * `from` (sdesk edit: its user saw what `show` printed) the base is the cached value.
 *
 * Merge rule: a recording has at most one open edit. A field already queued keeps the base it was first
 * edited from. A field set back to its base leaves the edit (there is nothing to send), and an edit with
 * no field left is removed: it is not pushed, not `is:edited`, and cannot conflict later. The exception
 * is a field a PATCH of ours may already have carried to the server: setting it back must be sent too.
 * Editing a failed or conflicting edit puts it back in the queue as pending: the error is cleared and the
 * next push checks the server again, so an edit never silently overrides another writer.
 */
export function queueEdit(
  repo: OutboxRepo,
  recordings: RecordingsRepo,
  uuid: string,
  input: unknown,
  now: number,
  from?: unknown,
): OutboxRow | undefined {
  const wanted = validateEdit(input);
  const seen = from === undefined ? {} : validateStartedFrom(from);
  return repo.durably(() => {
    const cached = findCached(recordings, uuid);
    if (cached === undefined) {
      throw new OutboxError(
        'not_found',
        `No recording ${uuid.trim().slice(0, 80)} in the cache; sync first, then edit it.`,
      );
    }
    const open = repo.openFor(cached.uuid);
    const fields: FieldValues = { ...open?.fields };
    const base: FieldValues = { ...open?.base };
    let touched = false;
    for (const f of fieldsOf(wanted)) {
      const value = wanted[f] ?? null;
      const queued = fields[f] !== undefined;
      // null is a value here ("it had none"); only undefined means "not known".
      const known = queued ? base[f] : seen[f];
      const fieldBase = known !== undefined ? known : serverValue(cached.record, f);
      if (value === fieldBase && !(queued && maySitOnServer(open, f, value))) {
        // Back to where it started (or never moved): nothing of this field is left to send.
        if (queued) {
          delete fields[f];
          delete base[f];
          touched = true;
        }
        continue;
      }
      if (queued ? value === fields[f] : value === serverValue(cached.record, f)) continue; // no change
      fields[f] = value;
      base[f] = fieldBase;
      touched = true;
    }

    if (open === undefined) {
      if (fieldsOf(fields).length === 0) {
        throw new OutboxError('validation', 'Nothing to change: the recording already has these values.');
      }
      const id = repo.insert({ uuid: cached.uuid, fields, base, now });
      return repo.get(id) as OutboxRow;
    }
    if (!touched) return open;
    if (fieldsOf(fields).length === 0) {
      repo.remove(open.id);
      return undefined;
    }
    repo.update(open.id, {
      fields,
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

/** True when a PATCH of ours that may have landed carried a value other than `value` for `field`. */
function maySitOnServer(open: OutboxRow | undefined, field: EditableField, value: string | null): boolean {
  const sent = open?.sent?.[field];
  return sent !== undefined && sent !== value;
}
