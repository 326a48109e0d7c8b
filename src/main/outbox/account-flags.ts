// What the server has taught us about the account, kept in the cache's meta table so the UI can say it
// before the next request: whether this token may edit (a 403 on PATCH says no), whether the token was
// rejected (a 401 pauses the queue until a request succeeds again), and whether the server refused the
// account as a whole (a 403 on the GET before a PATCH, a 404 that is not the API's): that pauses the queue
// too, as one problem of the account rather than a failure of every edit.
import type { MetaRepo } from '../db';

const CAN_EDIT = 'can_edit';
const NEEDS_TOKEN = 'needs_token';
const REFUSED = 'queue_refused';

/** The message of a queue paused by a rejected token. */
const TOKEN_PAUSE_MESSAGE =
  'The server rejected the API token (401): queued edits wait for a valid one; nothing was dropped.';

/** Why the whole queue waits: 'token' after a 401, 'refused' after an account-wide refusal. */
export interface QueuePause {
  reason: 'token' | 'refused';
  message: string;
}

/** False after a 403 on an edit, true after an edit went through, null until either happened. */
export function canEdit(meta: MetaRepo): boolean | null {
  const v = meta.get(CAN_EDIT);
  return v === '1' ? true : v === '0' ? false : null;
}

/** Remembers whether the account may edit. */
export function setCanEdit(meta: MetaRepo, value: boolean): void {
  if (canEdit(meta) !== value) meta.set(CAN_EDIT, value ? '1' : '0');
}

/** True after the server rejected the token (401), until a request succeeds. */
export function needsToken(meta: MetaRepo): boolean {
  return meta.get(NEEDS_TOKEN) === '1';
}

/** Records a rejected token (true) or a request that succeeded (false). */
export function setNeedsToken(meta: MetaRepo, value: boolean): void {
  if (value) meta.set(NEEDS_TOKEN, '1');
  else if (needsToken(meta)) meta.delete(NEEDS_TOKEN);
}

/** Records an account-wide refusal, with the sentence that explains it. */
export function setRefused(meta: MetaRepo, message: string): void {
  if (meta.get(REFUSED) !== message) meta.set(REFUSED, message);
}

/** A request went through as the API answers it: the token is good and the account is not refused. */
export function noteAnswered(meta: MetaRepo): void {
  setNeedsToken(meta, false);
  if (meta.get(REFUSED) !== undefined) meta.delete(REFUSED);
}

/**
 * Why the queue is paused for the whole account, or null when it is not. A refusal pauses edits: with
 * none `pending` (all discarded meanwhile) nothing waits on it. A rejected token pauses the account.
 */
export function queuePause(meta: MetaRepo, pending: number): QueuePause | null {
  if (needsToken(meta)) return { reason: 'token', message: TOKEN_PAUSE_MESSAGE };
  const refused = meta.get(REFUSED);
  return refused === undefined || pending === 0 ? null : { reason: 'refused', message: refused };
}
