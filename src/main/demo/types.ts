// The public shapes of the demo server. Tests, benchmarks, the CLI and the "Try demo data" button code
// against these, so names are stable; add, don't rename.
import type { Recording } from '../../shared/screendesk-api';

export interface DemoServerOptions {
  /** Port to bind on 127.0.0.1; 0 (the default) picks any free port. */
  port?: number;
  /** How many recordings to generate (default 250). 100,000 is generated in well under two seconds. */
  recordings?: number;
  /** Records per page (default 100, the real API's page size). */
  pageSize?: number;
  /** Added to every response (default 0). */
  latencyMs?: number;
  /** PRNG seed: the same seed gives identical data (default 1). */
  seed?: number;
  /** Path the API lives under (default '/api/v2'). */
  basePath?: string;
  /** The "current time" the data is generated relative to (default 2026-11-01T12:00:00Z). */
  now?: Date;
}

/** One request the server has answered (or dropped: status 0). */
export interface DemoRequestLog {
  method: string;
  path: string;
  /** The query string without '?', as URLSearchParams prints it. */
  query: string;
  status: number;
  /** Arrival time, epoch milliseconds. */
  at: number;
}

/** What the onRequest hook is told about the request it runs before. */
export interface DemoRequestInfo {
  method: string;
  path: string;
  /** The page a GET of the list will serve (after normalising the page parameter). */
  page?: number;
}

export interface DemoServer {
  /** Base URL including basePath, without a trailing slash, e.g. http://127.0.0.1:41234/api/v2. */
  readonly url: string;
  readonly adminToken: string;
  readonly memberToken: string;
  /** The member sees only recordings whose user.email equals this. */
  readonly memberEmail: string;
  readonly data: DemoData;
  readonly faults: DemoFaults;
  latencyMs: number;
  pageSize: number;
  readonly requests: DemoRequestLog[];
  /** Awaited before each request is answered: lets a test change data during a walk of pages. */
  onRequest?: (req: DemoRequestInfo) => void | Promise<void>;
  /** Closes the server and destroys open sockets promptly. */
  close(): Promise<void>;
}

/**
 * The live data set the server answers from; changes are visible to the next request. Recordings
 * returned are fresh copies: change the data through add/remove/update, not by editing a copy.
 */
export interface DemoData {
  /** All recordings, newest first (by metadata.created_at, then uuid): the order GET /recordings serves. */
  list(): Recording[];
  get(uuid: string): Recording | undefined;
  size(): number;
  /** Every uuid in list order, without building the recordings: fast even for 100,000. */
  uuids(): string[];
  /** Adds `count` (default 1) new recordings, newer than all existing ones; deterministic per seed. */
  add(count?: number): Recording[];
  remove(uuid: string): boolean;
  /** Changes fields as a PATCH would, bumping metadata.updated_at when a value actually changes. */
  update(
    uuid: string,
    fields: Partial<Pick<Recording, 'title' | 'summary' | 'description'>>,
  ): Recording | undefined;
}

interface FaultTarget {
  /** How many matching requests this fault answers (default Infinity). */
  times?: number;
  /** Tested against the request path (basePath included). */
  path?: RegExp;
  /** Only list requests (GET /recordings) for this page, after normalising the page parameter. */
  page?: number;
}

interface MethodFaultTarget extends FaultTarget {
  /** HTTP method, case-insensitive. */
  method?: string;
}

export type DemoFault =
  | ({ kind: 'status'; status: number; body?: string; contentType?: string } & MethodFaultTarget)
  | ({ kind: 'rate-limit'; retryAfter?: string } & MethodFaultTarget)
  | ({ kind: 'drop' } & MethodFaultTarget)
  | ({ kind: 'slow'; delayMs: number } & MethodFaultTarget)
  | ({ kind: 'pagination'; override: Record<string, unknown> } & FaultTarget)
  | ({ kind: 'records'; records: unknown[] } & FaultTarget);

export interface DemoFaults {
  /** Queues a fault; faults apply in the order added and each matching request consumes one use. */
  add(fault: DemoFault): void;
  clear(): void;
  /** How many faults still have uses left. */
  pending(): number;
}
