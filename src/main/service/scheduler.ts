// When syncs and pushes run: a sync at start, every N minutes (a setting; 0 turns it off; counted from
// the start of the last sync), and on demand; a push on demand, and again when an edit that failed for a
// passing reason is due. Every timer that starts network work is here. One network job at a time: a sync
// asked for while one runs joins it, a push asked for during a sync waits for it (a sync pushes first),
// and a sync asked for during a push starts once the push is done. A server that asks to wait
// (Retry-After) holds the timed syncs and the retries until then.
import type { Timers } from './timers';

/** Options of SyncScheduler. */
export interface SchedulerOptions<S, P> {
  timers: Timers;
  /** A full sync: push queued edits, then pull. `manual`: asked for by the user (not the timer). */
  runSync: (manual: boolean) => Promise<S>;
  /** Push queued edits only; an automatic push skips edits still backing off. */
  runPush: (manual: boolean) => Promise<P>;
  /** Whether timed work should run now (signed in, online); otherwise a timed sync is marked as missed. */
  canRunScheduled: () => boolean;
  /** The clock a hold is measured against (default Date.now). */
  now?: () => number;
}

/** Runs syncs and pushes one at a time, and the background syncs on a timer. */
export class SyncScheduler<S, P> {
  #intervalMs = 0;
  #timer: unknown = null;
  #retryTimer: unknown = null;
  #sync: Promise<S> | null = null;
  #push: Promise<P | undefined> | null = null;
  #missed = false;
  #stopped = false;
  #heldUntil: number | null = null;

  constructor(private readonly opts: SchedulerOptions<S, P>) {}

  /** True while a sync or a push runs. */
  get busy(): boolean {
    return this.#sync !== null || this.#push !== null;
  }

  /** True when a timed sync was skipped (offline) and has not been made up since. */
  get missed(): boolean {
    return this.#missed;
  }

  /** When the server allows requests again, while it asked to wait; else null. */
  get heldUntil(): number | null {
    if (this.#heldUntil !== null && this.#heldUntil <= this.#now()) this.#heldUntil = null;
    return this.#heldUntil;
  }

  /**
   * Holds automatic work until `at` (epoch ms), when the server asked to wait: the next timed sync runs
   * then at the earliest. Null releases the hold (a request went through; another account).
   */
  hold(at: number | null): void {
    if (at !== null && at <= (this.heldUntil ?? 0)) return;
    this.#heldUntil = at;
    this.#reschedule();
  }

  /** Sets the interval (0: no background syncs) and restarts the countdown. */
  setIntervalMinutes(minutes: number): void {
    this.#intervalMs = Math.max(0, minutes) * 60_000;
    this.#reschedule();
  }

  /**
   * Pushes again at `at` (epoch ms, at least a second from now): when the earliest edit that failed for a
   * passing reason is due. Replaces the retry set before; dropped when a sync or a push starts (each sets
   * it again from what is left), by cancelRetry and by stop.
   */
  retryPushAt(at: number): void {
    this.cancelRetry();
    if (this.#stopped) return;
    this.#retryTimer = this.opts.timers.setTimeout(
      () => {
        this.#retryTimer = null;
        if (this.opts.canRunScheduled() && this.heldUntil === null)
          this.pushNow(false).catch(() => undefined);
      },
      Math.max(1_000, at - this.#now()),
    );
  }

  /** Drops the retry set by retryPushAt (another account: its edits are not this one's). */
  cancelRetry(): void {
    if (this.#retryTimer !== null) this.opts.timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  /** Starts a sync, or joins the one running. */
  syncNow(manual = true): Promise<S> {
    if (this.#sync) return this.#sync;
    const pushing = this.#push;
    const run = (async () => {
      if (pushing) await pushing.catch(() => undefined);
      this.cancelRetry();
      return this.opts.runSync(manual);
    })();
    this.#sync = run;
    this.#missed = false;
    // The countdown to the next timed sync starts with this one (a sync longer than the interval
    // is simply joined by the next tick).
    this.#reschedule();
    const clear = (): void => {
      if (this.#sync === run) this.#sync = null;
    };
    run.then(clear, clear);
    return run;
  }

  /**
   * Pushes queued edits. During a sync it waits for the sync, then pushes what was queued after the
   * sync's own push phase (often nothing: the push then ends at once).
   */
  pushNow(manual = true): Promise<P | undefined> {
    const syncing = this.#sync;
    if (syncing) {
      return syncing.then(
        () => this.pushNow(manual),
        () => this.pushNow(manual),
      );
    }
    if (this.#push) return this.#push;
    this.cancelRetry();
    const run = this.opts.runPush(manual);
    this.#push = run;
    const clear = (): void => {
      if (this.#push === run) this.#push = null;
    };
    run.then(clear, clear);
    return run;
  }

  /** Waits for whatever runs now (before closing the account it runs for); never rejects. */
  async idle(): Promise<void> {
    await Promise.allSettled([this.#sync, this.#push]);
  }

  /** Stops the timers for good. */
  stop(): void {
    this.#stopped = true;
    this.#cancel();
    this.cancelRetry();
  }

  #now(): number {
    return (this.opts.now ?? Date.now)();
  }

  #reschedule(): void {
    this.#cancel();
    if (this.#stopped || this.#intervalMs <= 0) return;
    const held = this.heldUntil;
    const delay = held === null ? this.#intervalMs : Math.max(this.#intervalMs, held - this.#now());
    this.#timer = this.opts.timers.setTimeout(() => {
      this.#timer = null;
      // This timer was set for the end of the hold (a longer hold would have replaced it): it is over.
      this.#heldUntil = null;
      if (this.opts.canRunScheduled()) {
        this.syncNow(false).catch(() => undefined);
      } else {
        this.#missed = true;
        this.#reschedule();
      }
    }, delay);
  }

  #cancel(): void {
    if (this.#timer !== null) this.opts.timers.clearTimeout(this.#timer);
    this.#timer = null;
  }
}
