// Whether the API can be reached, judged by two signals: the OS (strong when it says "offline",
// weak when it says "online") and the outcome of real requests (a network failure or a timeout means
// offline; any HTTP answer, even an error status, means online). While offline because requests
// failed, a cheap probe runs periodically so the app notices the way back without user action.
import type { Timers } from './timers';

/** Options of ConnectivityMonitor. */
export interface ConnectivityOptions {
  timers: Timers;
  /** Time between probes while unreachable. */
  probeIntervalMs: number;
  /** One cheap request; resolves true when the server answered at all. Null when nobody is signed in. */
  probe: () => Promise<boolean> | null;
  /** Told on every change of `online`. */
  onChange: (online: boolean) => void;
}

/** The app's view of its connectivity. */
export class ConnectivityMonitor {
  #os = true;
  #reachable = true;
  #timer: unknown = null;
  #probing = false;
  #closed = false;

  constructor(private readonly opts: ConnectivityOptions) {}

  /** Online as far as both signals know. */
  get online(): boolean {
    return this.#os && this.#reachable;
  }

  /** The OS's network signal (Electron's net.isOnline, polled by the glue). */
  setOsOnline(online: boolean): void {
    if (online === this.#os) return;
    this.#update(() => {
      this.#os = online;
    });
    // Back on a network: find out at once whether the server is reachable too.
    if (online && !this.#reachable) void this.probeNow();
  }

  /** A real request got an HTTP answer. */
  reportAnswer(): void {
    if (this.#reachable) return;
    this.#update(() => {
      this.#reachable = true;
    });
  }

  /** A real request failed for network reasons or timed out. */
  reportUnreachable(): void {
    if (!this.#reachable) return;
    this.#update(() => {
      this.#reachable = false;
    });
    this.#schedule();
  }

  /** Forgets what requests taught (after switching accounts: another server). */
  reset(): void {
    this.#cancel();
    this.reportAnswer();
  }

  /** Probes now (skipped when one is running or nobody is signed in). */
  async probeNow(): Promise<void> {
    if (this.#probing || this.#closed) return;
    const running = this.opts.probe();
    if (running === null) {
      // Nobody to ask: an unreachable verdict about a server we no longer use means nothing.
      this.reportAnswer();
      return;
    }
    this.#probing = true;
    try {
      if (await running) this.reportAnswer();
    } catch {
      // A failed probe is the expected outcome while offline.
    } finally {
      this.#probing = false;
    }
    if (!this.#reachable) this.#schedule();
  }

  /** Stops probing for good. */
  close(): void {
    this.#closed = true;
    this.#cancel();
  }

  #update(change: () => void): void {
    const before = this.online;
    change();
    if (this.online !== before) this.opts.onChange(this.online);
    if (this.#reachable) this.#cancel();
  }

  #schedule(): void {
    if (this.#timer !== null || this.#closed) return;
    this.#timer = this.opts.timers.setTimeout(() => {
      this.#timer = null;
      // While the OS says there is no network, probing is pointless; setOsOnline(true) probes.
      if (this.#os) void this.probeNow();
      else this.#schedule();
    }, this.opts.probeIntervalMs);
  }

  #cancel(): void {
    if (this.#timer !== null) this.opts.timers.clearTimeout(this.#timer);
    this.#timer = null;
  }
}
