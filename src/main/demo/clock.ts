// The demo server's idea of "now". It starts at the data set's `now` (so edits are never older than
// the data) and runs at real speed from there; every reading is strictly later than the previous one,
// so two PATCHes in the same millisecond still get different, ordered updated_at values.

/** A strictly increasing clock anchored at a chosen start instant. */
export class DemoClock {
  private last = Number.NEGATIVE_INFINITY;
  private readonly startMs: number;
  private readonly realStartMs: number;

  constructor(startMs: number) {
    this.startMs = startMs;
    this.realStartMs = Date.now();
  }

  /** The current time in epoch ms, later than every earlier reading and than `atLeastAfter`. */
  tick(atLeastAfter = Number.NEGATIVE_INFINITY): number {
    const now = this.startMs + (Date.now() - this.realStartMs);
    this.last = Math.max(now, this.last + 1, atLeastAfter + 1);
    return this.last;
  }
}
