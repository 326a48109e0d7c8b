// Validation of PATCH /recordings/{uuid} bodies, with the messages a Rails app would give (the app's
// own checks word theirs in src/shared/edit-rules.ts, whose limit and blankness the demo shares).
// Rails itself answers 400 for unparsable JSON or a missing `recording` param; the spec documents only
// 422 for this operation, so the demo uses 422 for every invalid body.
import { charCount, isBlank, TITLE_MAX_LENGTH } from '../../shared/edit-rules';
import type { RecordingUpdate } from '../../shared/screendesk-api';
import { isRecord } from '../../shared/json-object';

export type PatchParse = { ok: true; update: RecordingUpdate } | { ok: false; error: string };

/** Parses and validates a raw PATCH body; unknown fields inside `recording` are ignored. */
export function parsePatchBody(raw: string): PatchParse {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'Request body is not valid JSON' };
  }
  if (!isRecord(body) || !isRecord(body.recording) || Object.keys(body.recording).length === 0) {
    // Rails' params.require(:recording) message, word for word.
    return { ok: false, error: 'param is missing or the value is empty: recording' };
  }
  const input = body.recording;
  const update: RecordingUpdate = {};
  if ('title' in input) {
    const title = input.title;
    if (title === null || (typeof title === 'string' && isBlank(title)))
      return { ok: false, error: "Title can't be blank" };
    if (typeof title !== 'string') return { ok: false, error: 'Title must be a string' };
    // Rails counts characters (code points), not UTF-16 units: 255 emoji are a valid title.
    if (charCount(title) > TITLE_MAX_LENGTH) {
      return { ok: false, error: `Title is too long (maximum is ${TITLE_MAX_LENGTH} characters)` };
    }
    update.title = title;
  }
  for (const key of ['summary', 'description'] as const) {
    if (!(key in input)) continue;
    const value = input[key];
    if (value !== null && typeof value !== 'string') {
      return {
        ok: false,
        error: `${key === 'summary' ? 'Summary' : 'Description'} must be a string or null`,
      };
    }
    update[key] = value;
  }
  return { ok: true, update };
}
