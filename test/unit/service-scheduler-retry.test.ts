// SyncScheduler owns the timer that pushes again when a backed-off edit is due (retryPushAt): one at a
// time, dropped by any sync or push that starts, skipped while offline or while the server asks to wait,
// gone after stop. Fake timers and clock: nothing waits.
import { describe, expect, it } from 'vitest';
import { SyncScheduler } from '../../src/main/service/scheduler';
import type { Timers } from '../../src/main/service/timers';

class Clockwork implements Timers {
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  #next = 0;
  setTimeout(fn: () => void, ms: number): unknown {
    this.pending.set(++this.#next, { fn, ms });
    return this.#next;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Fires every timer waiting `ms`; how many fired. */
  fire(ms: number): number {
    const due = [...this.pending].filter(([, t]) => t.ms === ms);
    for (const [id, t] of due) {
      this.pending.delete(id);
      t.fn();
    }
    return due.length;
  }
}

function scheduler(now = 1_000_000): {
  s: SyncScheduler<string, string>;
  timers: Clockwork;
  runs: string[];
  state: { online: boolean };
} {
  const timers = new Clockwork();
  const runs: string[] = [];
  const state = { online: true };
  const s = new SyncScheduler<string, string>({
    timers,
    now: () => now,
    runSync: (manual) => {
      runs.push(`sync ${manual ? 'manual' : 'auto'}`);
      return Promise.resolve('synced');
    },
    runPush: (manual) => {
      runs.push(`push ${manual ? 'manual' : 'auto'}`);
      return Promise.resolve('pushed');
    },
    canRunScheduled: () => state.online,
  });
  return { s, timers, runs, state };
}

describe('SyncScheduler.retryPushAt', () => {
  it('pushes (automatically) once the time comes, with one timer for the latest retry', () => {
    const { s, timers, runs } = scheduler();
    s.retryPushAt(1_000_000 + 40_000);
    s.retryPushAt(1_000_000 + 20_000);
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([20_000]);
    expect(timers.fire(20_000)).toBe(1);
    expect(runs).toEqual(['push auto']);
  });

  it('waits at least a second, even for a time already past', () => {
    const { s, timers } = scheduler();
    s.retryPushAt(1_000_000 - 5_000);
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([1_000]);
  });

  it('is dropped when a sync or a push starts (each sets it again from what is left)', async () => {
    const { s, timers } = scheduler();
    s.retryPushAt(1_000_000 + 20_000);
    await s.syncNow();
    expect(timers.pending.size).toBe(0);
    s.retryPushAt(1_000_000 + 20_000);
    await s.pushNow();
    expect(timers.pending.size).toBe(0);
  });

  it('pushes nothing while offline or while the server asks to wait, and nothing after stop', () => {
    const { s, timers, runs, state } = scheduler();
    state.online = false;
    s.retryPushAt(1_000_000 + 20_000);
    timers.fire(20_000);
    state.online = true;
    s.hold(1_000_000 + 3_600_000);
    s.retryPushAt(1_000_000 + 20_000);
    timers.fire(20_000);
    s.hold(null);
    s.retryPushAt(1_000_000 + 20_000);
    s.cancelRetry();
    expect(timers.fire(20_000)).toBe(0);
    s.stop();
    s.retryPushAt(1_000_000 + 20_000);
    expect(timers.pending.size).toBe(0);
    expect(runs).toEqual([]);
  });
});
