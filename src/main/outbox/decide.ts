// What the user decides about an edit the server did not take: retry it, discard it, or resolve a conflict.
import { OutboxError } from './errors';
import type { FieldValues } from './fields';
import { conflictingFields } from './conflicts';
import { fieldsOf } from './fields';
import type { OutboxRepo, OutboxRow } from '../db';

/** How a conflict is settled: send my values over the server's new ones, or keep the server's. */
export type ConflictChoice = 'keep-mine' | 'take-theirs';

function openEdit(repo: OutboxRepo, id: number): OutboxRow {
  const row = repo.get(id);
  if (row === undefined || row.status === 'done') {
    throw new OutboxError('not_found', `No queued edit #${id} (it was sent, discarded or never existed).`);
  }
  return row;
}

/**
 * Puts a failed or conflicting edit back in the queue, to be tried at the next push (a pending one is
 * made due now). A conflict is checked against the server again, so it comes back if the server still
 * differs: resolve it to choose.
 */
export function retryEdit(repo: OutboxRepo, id: number, now: number): void {
  repo.durably(() => {
    openEdit(repo, id);
    repo.update(id, { status: 'pending', error: null, theirs: null, nextAttemptAt: null, updatedAt: now });
  });
}

/** Drops an edit for good; the recording shows the server's values again. */
export function discardEdit(repo: OutboxRepo, id: number): void {
  repo.durably(() => {
    openEdit(repo, id);
    repo.remove(id);
  });
}

/**
 * Settles a conflict, field by field: only the fields found in conflict are decided, and the rest of the
 * edit stays queued as it was. keep-mine: each conflicting field is re-based on the server's value found
 * at the conflict, so the next push sends it unless the server changed yet again. take-theirs: the
 * conflicting fields leave the edit (the server's values stand); an edit with no field left is dropped.
 */
export function resolveEdit(repo: OutboxRepo, id: number, choice: ConflictChoice, now: number): void {
  repo.durably(() => {
    const row = openEdit(repo, id);
    if (row.status !== 'conflict') {
      throw new OutboxError(
        'validation',
        `Edit #${id} is ${row.status}, not a conflict: nothing to resolve.`,
      );
    }
    const theirs = row.theirs ?? {};
    const decided = conflictingFields(row, theirs);
    const fields: FieldValues = { ...row.fields };
    const base: FieldValues = { ...row.base };
    for (const f of decided) {
      if (choice === 'keep-mine') base[f] = theirs[f];
      else {
        delete fields[f];
        delete base[f];
      }
    }
    if (fieldsOf(fields).length === 0) {
      repo.remove(id);
      return;
    }
    repo.update(id, {
      fields,
      base,
      status: 'pending',
      error: null,
      theirs: null,
      nextAttemptAt: null,
      updatedAt: now,
    });
  });
}
