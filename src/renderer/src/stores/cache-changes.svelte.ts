// What of the cache changed, for the views that show it: each reads the revision of what it shows and
// reloads when that grows. A sync that changed recordings moves `all` (lists, the overview, any open
// recording); a queued edit that was queued, changed, settled or dropped moves only its recording.
import { SvelteMap } from 'svelte/reactivity';

/** Revisions of one account's cached recordings. */
export class CacheChanges {
  /** Grows when a sync added, changed or removed cached recordings. */
  all = $state(0);
  readonly #one = new SvelteMap<string, number>();

  /** The revision of one recording: grows with `all` and with a change to this recording alone. */
  recording(uuid: string): string {
    return `${this.all}:${this.#one.get(uuid) ?? 0}`;
  }

  /** Some recordings changed, any of them: everything that shows recordings reloads. */
  allChanged(): void {
    this.all++;
  }

  /** These recordings changed (their queued edit): only what shows them reloads. */
  recordingsChanged(uuids: Iterable<string>): void {
    for (const uuid of uuids) this.#one.set(uuid, (this.#one.get(uuid) ?? 0) + 1);
  }
}
