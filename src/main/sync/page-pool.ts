import type { AdaptiveLimit } from './adaptive-limit';

/**
 * Runs `task` for every page from `first` to `last` with at most `limit.current` in flight. The
 * first failure aborts the others (through the signal handed to each task) and is rethrown once they
 * have settled, so nothing keeps writing after the caller has heard of the failure.
 */
export async function forEachPage(
  first: number,
  last: number,
  limit: AdaptiveLimit,
  outer: AbortSignal | undefined,
  task: (page: number, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const controller = new AbortController();
  const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  let next = first;
  while ((next <= last && failure === null) || running.size > 0) {
    while (next <= last && failure === null && running.size < limit.current) {
      const page = next++;
      const run: Promise<void> = task(page, signal)
        .then(() => limit.succeeded())
        .catch((error: unknown) => {
          if (failure === null) {
            failure = { error };
            controller.abort(error);
          }
        })
        .finally(() => running.delete(run));
      running.add(run);
    }
    if (running.size > 0) await Promise.race(running);
  }
  if (failure !== null) throw (failure as { error: unknown }).error;
}
