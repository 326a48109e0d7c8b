// What the server has taught us about the account, kept in the cache's meta table so the UI can say it
// before the next request: whether this token may edit (a 403 on PATCH says no), and whether the token was
// rejected (a 401 pauses the queue until a request succeeds again).
import type { MetaRepo } from '../db';

const CAN_EDIT = 'can_edit';
const NEEDS_TOKEN = 'needs_token';

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
