// How queued edits look on the command line: the JSON shapes scripts read (`queue --json`, the "local"
// of `show --json`) and one-line descriptions for people.
import type { OutboxItem } from '../../shared/contract';
import { isOutboxError } from '../../main/outbox';
import { CliError, EXIT, usage } from '../errors';
import { cleanForTerminal } from '../terminal';

/** An edit as `sdesk queue --json` lists it. */
export function queueEntry(item: OutboxItem): Record<string, unknown> {
  return {
    id: item.id,
    uuid: item.uuid,
    status: item.status,
    fields: item.fields,
    error: item.error,
    attempts: item.attempts,
    created_at: new Date(item.createdAt).toISOString(),
  };
}

/**
 * An edit as the "local" of `sdesk show --json` gives it: the queue entry plus what it is compared with,
 * and for a conflict the fields in conflict (the ones `resolve` decides).
 */
export function localEntry(item: OutboxItem): Record<string, unknown> {
  const { uuid: _uuid, ...entry } = queueEntry(item);
  return { ...entry, base: item.base, theirs: item.theirs, conflicts: item.conflicts };
}

function value(v: unknown): string {
  if (v === null) return '(empty)';
  const text = cleanForTerminal(String(v));
  return text.length > 60 ? `"${text.slice(0, 57)}…"` : `"${text}"`;
}

/** `title → "New", summary → (empty)`: the values an edit sets. */
export function describeFields(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k} → ${value(v)}`)
    .join(', ');
}

/** Lines for people describing one edit. */
export function describeItem(item: OutboxItem): string[] {
  const title = cleanForTerminal(item.recordingTitle ?? '(untitled)');
  const lines = [`#${item.id}  ${item.status.padEnd(8)}  ${item.uuid}  ${title}`];
  lines.push(`    ${describeFields(item.fields)}`);
  if (item.status === 'conflict' && item.theirs !== null) {
    const theirs = Object.fromEntries(item.conflicts.map((f) => [f, item.theirs?.[f] ?? null]));
    lines.push(`    on the server now: ${describeFields(theirs)}`);
    const rest =
      Object.keys(item.fields).length > item.conflicts.length ? '; the other fields stay queued' : '';
    lines.push(
      `    decide: sdesk resolve ${item.id} --keep-mine | --take-theirs (decides ${item.conflicts.join(', ')}${rest})`,
    );
  }
  if (item.error !== null) lines.push(`    ${cleanForTerminal(item.error)}`);
  return lines;
}

/** A queued edit's number from the command line ("3" or "#3"). */
export function parseEditId(text: string | undefined, command: string): number {
  const m = /^#?(\d{1,15})$/.exec(text?.trim() ?? '');
  if (!m?.[1]) throw usage(`${command} takes the number of a queued edit (see 'sdesk queue')`);
  return Number(m[1]);
}

/** Runs an outbox operation, turning its refusals into exit codes: 2 for a bad value, 1 for the rest. */
export function outboxCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isOutboxError(error, 'validation')) throw new CliError(EXIT.usage, error.message);
    if (isOutboxError(error)) throw new CliError(EXIT.failure, error.message);
    throw error;
  }
}
