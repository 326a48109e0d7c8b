// A DesktopService on a real data dir and a real demo server, with timers the test fires by hand and
// every event recorded, so tests wait for what a user would see instead of sleeping.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventChannel, EventOf, IpcResult, RequestChannel } from '../../src/shared/contract';
import { events as eventSchemas } from '../../src/shared/contract';
import { dispatch, toIpcError } from '../../src/main/ipc';
import { MemorySecretStore } from '../../src/main/secrets';
import type { SecretStore } from '../../src/main/secrets';
import { DesktopService } from '../../src/main/service/desktop-service';
import type { DesktopServiceOptions } from '../../src/main/service/desktop-service';
import type { Logger } from '../../src/main/log/logger';
import type { Timers } from '../../src/main/service/timers';

// Unexpected errors reach the UI as a generic 'internal' message; a failing test needs their details.
const testLog: Logger = {
  info() {},
  warn() {},
  error: (message, detail) => console.error(`[service] ${message}`, detail ?? ''),
  addSecret() {},
};

/** A timer the test can fire. */
export interface ManualTimer {
  fn: () => void;
  ms: number;
}

/** Timers that only run when the test says so. */
export class ManualTimers implements Timers {
  readonly pending = new Set<ManualTimer>();

  setTimeout(fn: () => void, ms: number): unknown {
    const t = { fn, ms };
    this.pending.add(t);
    return t;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as ManualTimer);
  }

  /** The delays of the timers waiting now. */
  delays(): number[] {
    return [...this.pending].map((t) => t.ms).sort((a, b) => a - b);
  }

  /** Fires every waiting timer of `ms`; returns how many fired. */
  fire(ms: number): number {
    const due = [...this.pending].filter((t) => t.ms === ms);
    for (const t of due) {
      this.pending.delete(t);
      t.fn();
    }
    return due.length;
  }
}

/** One recorded event. */
export interface Recorded {
  event: EventChannel;
  payload: unknown;
}

/** The events a service sent, with a way to wait for one. */
export class EventLog {
  readonly all: Recorded[] = [];
  /** Events whose payload broke the contract (the fixture's close() fails the test on any). */
  readonly invalid: string[] = [];
  #waiters: { event: EventChannel; test: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];

  readonly sink = <E extends EventChannel>(event: E, payload: EventOf<E>): void => {
    const checked = eventSchemas[event].safeParse(payload);
    if (!checked.success) this.invalid.push(`${event}: ${checked.error.message}`);
    this.all.push({ event, payload });
    this.#waiters = this.#waiters.filter((w) => {
      if (w.event !== event || !w.test(payload)) return true;
      w.resolve(payload);
      return false;
    });
  };

  /** Payloads of one event so far. */
  of<E extends EventChannel>(event: E): EventOf<E>[] {
    return this.all.filter((r) => r.event === event).map((r) => r.payload as EventOf<E>);
  }

  /** The next event of this kind (from now on) matching `test`. */
  next<E extends EventChannel>(event: E, test: (p: EventOf<E>) => boolean = () => true): Promise<EventOf<E>> {
    return new Promise((resolve) => {
      this.#waiters.push({
        event,
        test: test as (p: unknown) => boolean,
        resolve: resolve as (p: unknown) => void,
      });
    });
  }
}

/** A service under test and what it was built with. */
export interface ServiceFixture {
  service: DesktopService;
  events: EventLog;
  timers: ManualTimers;
  secrets: SecretStore;
  dataDir: string;
  opened: string[];
  /** Calls a channel through dispatch, exactly as the IPC binding and the browser host do. */
  call<C extends RequestChannel>(channel: C, args?: unknown): Promise<IpcResult<unknown>>;
  /** Like call, but returns the value and throws on an error result. */
  value<T = unknown>(channel: RequestChannel, args?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** Probe interval the fixture's services use (tests fire timers of this delay). */
export const PROBE_MS = 4_321;

/** A service on a fresh (or given) data dir, with a memory keychain unless one is passed. */
export function serviceFixture(
  opts: { dataDir?: string; secrets?: SecretStore; extra?: Partial<DesktopServiceOptions> } = {},
): ServiceFixture {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'sdesk-service-'));
  const ownDir = opts.dataDir === undefined;
  const events = new EventLog();
  const timers = new ManualTimers();
  const secrets = opts.secrets ?? new MemorySecretStore();
  const opened: string[] = [];
  const service = new DesktopService({
    dataDir,
    secrets,
    events: events.sink,
    host: 'browser',
    version: '0.0.0-test',
    openExternal: (url) => {
      opened.push(url);
    },
    timers,
    log: testLog,
    probeIntervalMs: PROBE_MS,
    client: {
      timeoutMs: 2_000,
      retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 50 },
    },
    demoRecordings: 60,
    describeError: toIpcError,
    ...opts.extra,
  });
  const call = <C extends RequestChannel>(channel: C, args: unknown = {}): Promise<IpcResult<unknown>> =>
    dispatch(service, channel, args, { validateResults: true });
  return {
    service,
    events,
    timers,
    secrets,
    dataDir,
    opened,
    call,
    async value<T>(channel: RequestChannel, args: unknown = {}): Promise<T> {
      const result = await call(channel, args);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as T;
    },
    async close() {
      await service.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
      if (events.invalid.length > 0)
        throw new Error(`Events outside the contract:\n${events.invalid.join('\n')}`);
    },
  };
}
