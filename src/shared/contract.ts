// The one IPC contract between the renderer and the main process: every request channel with zod
// schemas for its arguments and its result, and every event channel with its payload. Main validates
// each call against it, preload exposes one function per channel, the browser host carries the same
// channels over a WebSocket, and the renderer's `window.api` type is derived from it.
// Pure TypeScript + zod: no Node, no DOM.
import { z } from 'zod';
import type { EventChannel, RequestChannel } from './channels';
import type { EditableField } from './edit-rules';
import { EDITABLE_FIELDS } from './edit-rules';
import type { RecordingType } from './screendesk-api';
import { RECORDING_TYPES } from './screendesk-api';
import { isTimeZone } from './time-zone';

export { REQUEST_CHANNELS, isRequestChannel } from './channels';
export type { EventChannel, RequestChannel } from './channels';

// ── Building blocks ──────────────────────────────────────────────────────────────────────────────

/** What the UI can act on when a call fails (besides showing the message). */
export const ErrorCode = z.enum([
  'invalid_arguments',
  'not_signed_in',
  'auth',
  'forbidden',
  'not_found',
  'validation',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'bad_response',
  'cancelled',
  'busy',
  'keychain',
  'db',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** An error as it crosses IPC: only plain data survives the boundary. */
export const IpcError = z.object({ code: ErrorCode, message: z.string() });
export type IpcError = z.infer<typeof IpcError>;

/** Every call answers {ok: true, value} or {ok: false, error}: Electron keeps only an Error's message. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** `true` only when A and B are the same union: the compiler's proof that two lists agree. */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

const Uuid = z.string().min(1).max(200);
const Millis = z.number().int().nonnegative();
/** An IANA time zone name this runtime knows, e.g. "Europe/Berlin" (what Intl reports for the window). */
const TimeZone = z.string().max(64).refine(isTimeZone, { message: 'Not a known IANA time zone name' });

/** A recording exactly as the server sent it (unknown fields included); the UI reads it defensively. */
const RawRecording = z.record(z.string(), z.unknown());

// Bounded only to keep one call's size sane; the server decides what it accepts.
export const EditFields = z
  .object({
    title: z.string().max(10_000).optional(),
    summary: z.string().max(1_000_000).nullable().optional(),
    description: z.string().max(1_000_000).nullable().optional(),
  })
  .strict();
export type EditFields = z.infer<typeof EditFields>;

/** Field values as the server holds them: unlike an edit, a server's title may be null. */
export const ServerFields = z
  .object({
    title: z.string().nullable().optional(),
    summary: z.string().nullable().optional(),
    description: z.string().nullable().optional(),
  })
  .strict();
export type ServerFields = z.infer<typeof ServerFields>;

/** The values an editor started from, as the server held them (bounded like EditFields). */
const StartedFrom = z
  .object({
    title: z.string().max(10_000).nullable().optional(),
    summary: z.string().max(1_000_000).nullable().optional(),
    description: z.string().max(1_000_000).nullable().optional(),
  })
  .strict();

// The three shapes above name exactly the editable fields (src/shared/edit-rules.ts), no more, no fewer.
const _editFieldsMatch: Exactly<keyof EditFields, EditableField> = true;
const _serverFieldsMatch: Exactly<keyof ServerFields, EditableField> = true;
const _startedFromMatch: Exactly<keyof z.infer<typeof StartedFrom>, EditableField> = true;

/** The states of a queued edit the UI sees (the outbox table adds 'done', kept for history). */
export const OUTBOX_ITEM_STATUSES = ['pending', 'failed', 'conflict'] as const;
export const OutboxStatus = z.enum(OUTBOX_ITEM_STATUSES);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

/** A queued edit as the UI sees it (edits that are done are not listed). */
export const OutboxItem = z.object({
  id: z.number().int(),
  uuid: Uuid,
  /** The recording's title as cached, to name the edit in lists. */
  recordingTitle: z.string().nullable(),
  status: OutboxStatus,
  fields: EditFields,
  /** The server's values the edit was based on. */
  base: ServerFields,
  /** For a conflict: the server's current values of the edited fields. */
  theirs: ServerFields.nullable(),
  /** For a conflict: the fields in conflict (keep mine / take theirs decide only these); else empty. */
  conflicts: z.array(z.enum(EDITABLE_FIELDS)),
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: Millis,
  updatedAt: Millis,
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const OutboxCounts = z.object({
  pending: z.number().int(),
  failed: z.number().int(),
  conflict: z.number().int(),
});
export type OutboxCounts = z.infer<typeof OutboxCounts>;

export const AccountState = z.object({
  signedIn: z.boolean(),
  /** The signed-in account's API URL; when signed out, the last one used (to prefill the form). */
  apiUrl: z.string().nullable(),
  /** Non-secret id of the account's cache (derived from URL and token). */
  accountId: z.string().nullable(),
  /** Whether the signed-in account runs against the built-in demo server. */
  demo: z.boolean(),
  /** False once the server answered 403 to an edit: members cannot edit. Null until known. */
  canEdit: z.boolean().nullable(),
  /** Where the token is kept; 'memory' means this session only (no usable keychain). */
  tokenStorage: z.enum(['keychain', 'memory']).nullable(),
  /** Why the keychain is not used, for a plain warning; null when it is. */
  keychainWarning: z.string().nullable(),
  /** The server rejected the token (401): the queue waits until the user signs in again. */
  needsToken: z.boolean(),
  /**
   * Why queued edits wait for the whole account (a 401, a 403 on the GET before a PATCH, a 404 that is
   * not the API's), as one sentence; null when they do not. It clears once a request succeeds again.
   */
  queuePaused: z.string().nullable(),
});
export type AccountState = z.infer<typeof AccountState>;

/** Where a sync is, for the status bar and the CLI's stderr. */
export const SyncProgress = z.object({
  phase: z.enum(['pushing', 'listing', 'verifying', 'removing', 'done']),
  /** Pages stored so far, and the total as the server last announced it (null until known). */
  pagesDone: z.number().int(),
  pagesTotal: z.number().int().nullable(),
  /** Distinct recordings of this walk stored so far. */
  records: z.number().int(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;

export const SyncSummary = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  total: z.number().int(),
  pushed: z.number().int(),
  failed: z.number().int(),
  conflicts: z.number().int(),
  /** Cached recordings the server's list left out, kept until a later sync confirms them gone. */
  kept: z.number().int(),
  /** Cached recordings the server's list left out that are still there (asked for one by one). */
  confirmed: z.number().int(),
  /** Why the list's gaps were checked one by one and why some are kept, in plain words; null if none. */
  keptReason: z.string().nullable(),
});
export type SyncSummary = z.infer<typeof SyncSummary>;

export const SyncStatus = z.object({
  running: z.boolean(),
  progress: SyncProgress.nullable(),
  /** Epoch ms of the last sync that completed. */
  lastSyncAt: Millis.nullable(),
  lastError: IpcError.nullable(),
  /** Judged by the OS signal and by the outcome of real requests. */
  online: z.boolean(),
  /** Recordings in the cache. */
  cached: z.number().int(),
  /** The server asked to wait (Retry-After): no automatic sync or push before this (epoch ms). */
  rateLimitedUntil: Millis.nullable(),
  /** What the last sync kept unconfirmed because the server's list left it out, and why. */
  kept: z.object({ count: z.number().int(), reason: z.string() }).nullable(),
  /**
   * Grows each time a sync added, changed or removed cached recordings (counted from the service's
   * start): the window refreshes what it shows of the cache when it grows, and only then.
   */
  cacheRevision: z.number().int().nonnegative(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

const SearchSort = z.enum(['relevance', 'newest', 'oldest', 'longest']);

/** One recording in a result list: the columns a list row shows, plus a highlighted snippet. */
export const SearchHit = z.object({
  uuid: z.string(),
  title: z.string().nullable(),
  summary: z.string().nullable(),
  recording_type: z.string().nullable(),
  platform: z.string().nullable(),
  source: z.string().nullable(),
  /** ISO 8601 (UTC) or null when the server sent none (or an unreadable one). */
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  /** Seconds. */
  duration: z.number().nullable(),
  customer_email: z.string().nullable(),
  user_email: z.string().nullable(),
  user_name: z.string().nullable(),
  has_logs: z.boolean(),
  has_summary: z.boolean(),
  /** A queued local edit exists (an outbox row that is not done). */
  edited: z.boolean(),
  /** Plain text; matches wrapped in U+0002 … U+0003 (see SNIPPET_MARK_* in main/search/markers). */
  snippet: z.string().nullable(),
  /** The queued edit's state, when there is one, for the list badge. */
  local: OutboxStatus.nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  total: z.number().int(),
  /** False when counting stopped at the request's `countUpTo` ("10,000+"); absent or true: exact. */
  totalExact: z.boolean().optional(),
  results: z.array(SearchHit),
  sort: SearchSort,
  /** Why the query can match nothing (text without letters or digits), shown under the search box. */
  reason: z.string().nullable(),
});
export type SearchResult = z.infer<typeof SearchResult>;

/**
 * One cached recording for the recording view and the editors, built in main where the outbox's rules
 * live: the server's copy and the queued edit apart (an editor measures an edit against the server's
 * values), and the view the app shows, the edit's fields laid over the server's copy.
 */
export const RecordingDetail = z.object({
  /** What the app shows: the server's copy with the queued edit's fields laid over it. */
  recording: RawRecording,
  /** The server's copy as cached, without the queued edit. */
  server: RawRecording,
  /** The queued edit, if any. */
  local: OutboxItem.nullable(),
});
export type RecordingDetail = z.infer<typeof RecordingDetail>;

/** One count per recording type: a type new to the API spec reaches the Overview's shape by itself. */
const countPerType = Object.fromEntries(RECORDING_TYPES.map((t) => [t, z.number()])) as Record<
  RecordingType,
  z.ZodNumber
>;

export const Overview = z.object({
  /** Recordings per ISO week (Monday, YYYY-MM-DD) by type, oldest first; `other`: any other type. */
  perWeek: z.array(z.object({ week: z.string(), ...countPerType, other: z.number() })),
  /** Duration buckets, e.g. "< 1 min", with counts; recordings without a duration are left out. */
  durations: z.array(z.object({ label: z.string(), count: z.number().int() })),
  /** Most frequent recording sources. */
  topSources: z.array(z.object({ source: z.string(), count: z.number().int() })),
  total: z.number().int(),
});
export type Overview = z.infer<typeof Overview>;

export const Settings = z.object({
  /** Minutes between background syncs; 0 turns them off. */
  syncIntervalMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
});
export type Settings = z.infer<typeof Settings>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  dataDir: z.string(),
  /** 'electron' in the app, 'browser' in the test/dev browser host. */
  host: z.enum(['electron', 'browser']),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** The app update waiting for a restart: its version, or null. */
export const UpdateState = z.object({ readyVersion: z.string().max(100).nullable() });
export type UpdateState = z.infer<typeof UpdateState>;

// ── Channels ─────────────────────────────────────────────────────────────────────────────────────

const none = z.object({}).strict();
const ok = z.null();

/** What one request channel declares: the schema of its arguments and of its result. */
export interface RequestSpec {
  args: z.ZodType;
  result: z.ZodType;
}

/** Request channels: name → {args, result}. One handler each in main, one function each in preload. */
export const requests = {
  'app:info': { args: none, result: AppInfo },

  'account:state': { args: none, result: AccountState },
  'account:signIn': {
    args: z.object({ apiUrl: z.string().min(1).max(2_000), token: z.string().min(1).max(10_000) }).strict(),
    result: AccountState,
  },
  'account:signInDemo': { args: none, result: AccountState },
  'account:signOut': { args: z.object({ deleteCache: z.boolean() }).strict(), result: AccountState },

  'sync:now': { args: none, result: SyncSummary },
  'sync:status': { args: none, result: SyncStatus },

  'search:query': {
    args: z
      .object({
        query: z.string().max(20_000),
        sort: SearchSort.optional(),
        limit: z.number().int().min(1).max(1_000).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        /** The window's zone: `created:` means its days, the days the app shows. Default: main's zone. */
        timeZone: TimeZone.optional(),
        /** Count at most this many matches (a first page as you type); default: an exact count. */
        countUpTo: z.number().int().min(1).max(10_000_000).optional(),
      })
      .strict(),
    result: SearchResult,
  },
  'recording:get': { args: z.object({ uuid: Uuid }).strict(), result: RecordingDetail.nullable() },

  'outbox:list': { args: none, result: z.array(OutboxItem) },
  'outbox:counts': { args: none, result: OutboxCounts },
  // `from`: the values the editor started from (the base of fields new to the edit). Null result: every
  // field was set back to what it was, so no edit is left.
  'outbox:edit': {
    args: z.object({ uuid: Uuid, fields: EditFields, from: StartedFrom.optional() }).strict(),
    result: OutboxItem.nullable(),
  },
  'outbox:retry': { args: z.object({ id: z.number().int() }).strict(), result: ok },
  'outbox:discard': { args: z.object({ id: z.number().int() }).strict(), result: ok },
  'outbox:resolve': {
    args: z.object({ id: z.number().int(), choice: z.enum(['keep-mine', 'take-theirs']) }).strict(),
    result: ok,
  },
  'outbox:push': { args: none, result: OutboxCounts },

  'stats:overview': { args: none, result: Overview },

  'settings:get': { args: none, result: Settings },
  // Strict: a misspelt setting must be refused, not silently dropped.
  'settings:set': { args: Settings.strict(), result: Settings },

  /** Opens an https URL (the recording's page, a helpdesk link) in the system browser. */
  'shell:openExternal': { args: z.object({ url: z.string().url().max(4_000) }).strict(), result: ok },

  /** The app update downloaded and waiting for a restart (none where updates are off). */
  'update:state': { args: none, result: UpdateState },
  /** Restarts into the downloaded update, once no sync or push runs. */
  'update:install': { args: none, result: ok },
} as const satisfies Record<RequestChannel, RequestSpec>;

/** Event channels: main → renderer pushes. */
export const events = {
  'sync:progress': SyncProgress,
  'sync:status': SyncStatus,
  connectivity: z.object({ online: z.boolean() }),
  'outbox:changed': OutboxCounts,
  'account:changed': AccountState,
  /** A queued edit failed or conflicted (the app also shows a desktop notification). */
  'outbox:problem': z.object({
    id: z.number().int(),
    uuid: z.string(),
    status: OutboxStatus,
    message: z.string(),
  }),
  /** An app update is downloaded: the status bar offers "Restart to update". */
  'update:ready': z.object({ version: z.string().max(100) }),
  /**
   * The cache's thread stopped unexpectedly and was started again (src/main/threads/): what was queued
   * is on disk and stays; a request that was running then answered an error. The window says so.
   */
  'service:restarted': z.object({ message: z.string().max(1_000) }),
} as const satisfies Record<EventChannel, z.ZodType>;

export type ArgsOf<C extends RequestChannel> = z.input<(typeof requests)[C]['args']>;
export type ResultOf<C extends RequestChannel> = z.output<(typeof requests)[C]['result']>;
export type EventOf<E extends EventChannel> = z.output<(typeof events)[E]>;

// The name lists live in channels.ts (the preload can load nothing heavier); these lines make the
// compiler prove that the contract declares exactly those names, no more, no fewer.
const _requestNamesMatch: Exactly<keyof typeof requests, RequestChannel> = true;
const _eventNamesMatch: Exactly<keyof typeof events, EventChannel> = true;

/** A channel's parameter list: optional for channels that take no arguments (`api['sync:now']()`). */
export type ParamsOf<C extends RequestChannel> =
  Record<string, never> extends ArgsOf<C> ? [args?: ArgsOf<C>] : [args: ArgsOf<C>];

/**
 * The renderer's API, derived from the contract: one async function per request channel (its
 * result wrapped in IpcResult) and one subscription per event channel (returns an unsubscribe).
 * Clients send `{}` for an omitted argument; main still requires an object.
 */
export type RendererApi = {
  [C in RequestChannel]: (...params: ParamsOf<C>) => Promise<IpcResult<ResultOf<C>>>;
} & {
  on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void;
};

/** The service behind the doors: one method per request channel, plain values in and out. */
export type ServiceHandlers = {
  [C in RequestChannel]: (args: z.output<(typeof requests)[C]['args']>) => Promise<ResultOf<C>> | ResultOf<C>;
};

/** Anything that can push events to the renderer (IPC in the app, the WebSocket in the browser host). */
export type EventSink = <E extends EventChannel>(event: E, payload: EventOf<E>) => void;
