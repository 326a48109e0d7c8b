// Stored edits as the IPC contract shows them (OutboxItem). Kept apart from the row so the contract's
// shape can evolve without touching the table.
import type { EditFields, OutboxItem, ServerFields } from '../../shared/contract';
import type { FieldValues } from './fields';
import { conflictingFields } from './conflicts';
import { fieldsOf } from './fields';
import type { OutboxRow } from '../db';

/**
 * FieldValues as the contract's EditFields. The contract types a title as a string, but a server's base or
 * current title can be null (the spec allows it): such a title is left out rather than breaking the shape.
 */
function toEditFields(values: FieldValues): EditFields {
  const out: EditFields = {};
  for (const f of fieldsOf(values)) {
    const v = values[f];
    if (f === 'title') {
      if (typeof v === 'string') out.title = v;
    } else if (v !== undefined) out[f] = v;
  }
  return out;
}

/** FieldValues as the server holds them (base, theirs): a null title is kept — "it had no title". */
function toServerFields(values: FieldValues): ServerFields {
  const out: ServerFields = {};
  for (const f of fieldsOf(values)) if (values[f] !== undefined) out[f] = values[f];
  return out;
}

/** An open row as an OutboxItem (a 'done' row is never shown; it is reported as pending if asked). */
export function toOutboxItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    uuid: row.uuid,
    recordingTitle: row.recordingTitle,
    status: row.status === 'done' ? 'pending' : row.status,
    fields: toEditFields(row.fields),
    base: toServerFields(row.base),
    theirs: row.status === 'conflict' && row.theirs !== null ? toServerFields(row.theirs) : null,
    conflicts: row.status === 'conflict' && row.theirs !== null ? conflictingFields(row, row.theirs) : [],
    error: row.error,
    attempts: row.attempts,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
