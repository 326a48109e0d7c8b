// The names of the IPC channels, and nothing else. The sandboxed preload bundles this file (it may not
// load zod or any npm package), and contract.ts is typed against these lists, so a channel cannot be
// added to one side only: the compiler rejects a contract whose keys differ from these names.

/** Request channels, renderer → main; each answers an IpcResult. */
export const REQUEST_CHANNELS = [
  'app:info',
  'account:state',
  'account:signIn',
  'account:signInDemo',
  'account:signOut',
  'sync:now',
  'sync:status',
  'search:query',
  'recording:get',
  'outbox:list',
  'outbox:counts',
  'outbox:edit',
  'outbox:retry',
  'outbox:discard',
  'outbox:resolve',
  'outbox:push',
  'stats:overview',
  'settings:get',
  'settings:set',
  'shell:openExternal',
  'update:state',
  'update:install',
] as const;

/** Event channels, main → renderer. */
export const EVENT_CHANNELS = [
  'sync:progress',
  'sync:status',
  'connectivity',
  'outbox:changed',
  'account:changed',
  'outbox:problem',
  'update:ready',
  'service:restarted',
] as const;

/** One of REQUEST_CHANNELS. */
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
/** One of EVENT_CHANNELS. */
export type EventChannel = (typeof EVENT_CHANNELS)[number];

const requestSet: ReadonlySet<string> = new Set(REQUEST_CHANNELS);
const eventSet: ReadonlySet<string> = new Set(EVENT_CHANNELS);

/** True when `name` is a request channel (a plain string compare: safe for any untrusted value). */
export function isRequestChannel(name: unknown): name is RequestChannel {
  return typeof name === 'string' && requestSet.has(name);
}

/** True when `name` is an event channel. */
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && eventSet.has(name);
}

/**
 * The Electron IPC channel an event travels on. Prefixed so an event never shares a name with a
 * request channel ('sync:status' is both) in ipcRenderer's listener table.
 */
export function ipcEventChannel(event: EventChannel): string {
  return `event:${event}`;
}
