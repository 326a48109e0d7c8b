// The latest answer of one read of the API, kept fresh as the cache changes. Views that show data from
// the cache (a recording, the overview) all need the same three things: reload when what they show
// changed (a revision of stores/cache-changes.svelte.ts), drop an answer that arrives after a newer
// request, and keep the last good value when a reload fails.
import type { IpcError, IpcResult } from '@shared/contract';

/** One API read's latest value, its error, and whether any answer has arrived yet. */
export class LiveQuery<T> {
  value = $state<T | null>(null);
  error = $state<IpcError | null>(null);
  loaded = $state(false);
  #request = 0;
  readonly #read: () => Promise<IpcResult<T>>;

  constructor(read: () => Promise<IpcResult<T>>) {
    this.#read = read;
  }

  /** Asks again; an older request still in flight is ignored when it answers. */
  async reload(): Promise<void> {
    const id = ++this.#request;
    const r = await this.#read();
    if (id !== this.#request) return;
    this.loaded = true;
    if (r.ok) {
      this.value = r.value;
      this.error = null;
    } else {
      this.error = r.error;
    }
  }
}

/**
 * A LiveQuery reloaded whenever `revision` (what the query shows, e.g. `changes.recording(uuid)`)
 * changes, and whenever state that `read` reads, such as a prop, changes. Call it while a component
 * initialises.
 */
export function liveQuery<T>(read: () => Promise<IpcResult<T>>, revision: () => unknown): LiveQuery<T> {
  const query = new LiveQuery(read);
  $effect(() => {
    void revision();
    void query.reload();
  });
  return query;
}
