// The service on threads of its own behind a door that only relays (relay.ts).
export { RESTARTED_MESSAGE, ServiceThreads } from './relay';
export type { ServiceThreadsOptions, ThreadEntries } from './relay';
export type { ServiceTuning } from './protocol';
export { SOURCE_ENTRIES } from './source-entries';
export { startService } from './start-service';
export type { RunningService } from './start-service';
