/**
 * How many page requests a sync keeps in flight. It halves when the server answers 429 (the client
 * reports each retry through onRetry) and creeps back up after a run of successes, so a sync slows
 * down for a rate-limited server instead of hammering it.
 */
export class AdaptiveLimit {
  #current: number;
  #streak = 0;

  constructor(
    readonly max: number,
    private readonly recoverAfter = 10,
  ) {
    this.#current = Math.max(1, Math.floor(max));
  }

  get current(): number {
    return this.#current;
  }

  /** The server said "too many requests". */
  backOff(): void {
    this.#current = Math.max(1, Math.floor(this.#current / 2));
    this.#streak = 0;
  }

  /** A request went through. */
  succeeded(): void {
    if (this.#current >= this.max) return;
    if (++this.#streak >= this.recoverAfter) {
      this.#current++;
      this.#streak = 0;
    }
  }
}
