// A recording as the user sees it, in the detail view and in `sdesk show`: the server's copy with its
// queued edit laid over it, so an edit is visible at once, beside the server's copy and that edit, so
// the editor compares without rebuilding what the server holds.
import type { RecordingDetail } from '../../shared/contract';
import type { RecordingsRepo } from '../db';
import { overlay } from './fields';
import { toOutboxItem } from './item';
import { findCached } from './queue';
import type { OutboxRepo } from '../db';

/** The cached recording `uuid` overlaid with its open edit, or undefined when it is not cached. */
export function showRecording(
  recordings: RecordingsRepo,
  repo: OutboxRepo,
  uuid: string,
): RecordingDetail | undefined {
  const cached = findCached(recordings, uuid);
  if (cached === undefined) return undefined;
  const open = repo.openFor(cached.uuid);
  return open === undefined
    ? { recording: cached.record, server: cached.record, local: null }
    : { recording: overlay(cached.record, open.fields), server: cached.record, local: toOutboxItem(open) };
}
