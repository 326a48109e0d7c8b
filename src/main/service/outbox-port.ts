// What the service needs from a session's queue of edits. AccountSession grows these methods with the
// queued-edits work; reaching them through this port keeps the service compiling, and failing with a
// clear message instead of a crash, on a build where they are missing.
import type { EditFields, OutboxCounts, OutboxItem } from '../../shared/contract';
import type { AccountSession } from '../session';
import { ServiceError } from './errors';

/** What a push did, as AccountSession.push reports it. */
export interface PushOutcome {
  pushed: number;
  failed: number;
  conflicts: number;
  pending: number;
  /** The server rejected the token (401): the queue waits for a valid one. */
  paused: boolean;
  /** When the earliest pending edit is due again after a transient failure (epoch ms), else null. */
  retryAt?: number | null;
}

/** How a push runs: `onlyDue` skips edits still backing off (automatic pushes). */
export interface PushRunOptions {
  signal?: AbortSignal;
  onlyDue?: boolean;
}

/** The outbox methods of an AccountSession. */
export interface OutboxPort {
  queueEdit(uuid: string, fields: EditFields): OutboxItem;
  outboxList(): OutboxItem[];
  outboxCounts(): OutboxCounts;
  retryEdit(id: number): void;
  discardEdit(id: number): void;
  resolveEdit(id: number, choice: 'keep-mine' | 'take-theirs'): void;
  push(opts: PushRunOptions): Promise<PushOutcome>;
  canEdit(): boolean | null;
  needsToken(): boolean;
}

const METHODS = [
  'queueEdit',
  'outboxList',
  'outboxCounts',
  'retryEdit',
  'discardEdit',
  'resolveEdit',
  'push',
  'canEdit',
  'needsToken',
] as const;

/** The session's outbox, or null when this build's AccountSession has none. */
export function outboxOf(session: AccountSession): OutboxPort | null {
  const candidate = session as unknown as Partial<Record<(typeof METHODS)[number], unknown>>;
  return METHODS.every((m) => typeof candidate[m] === 'function') ? (session as unknown as OutboxPort) : null;
}

/** The session's outbox; throws a plain 'internal' error when it is not available. */
export function requireOutbox(session: AccountSession): OutboxPort {
  const port = outboxOf(session);
  if (port === null) throw new ServiceError('internal', 'Queued edits are not available in this build yet.');
  return port;
}

/** No edits anywhere. */
export const NO_EDITS: OutboxCounts = { pending: 0, failed: 0, conflict: 0 };
