// One account's queued edits as the window shows them: the list, the counts, and every action on an
// edit. Components call these instead of the API, and each action reloads the list itself; the
// service's `outbox:changed` event reloads it too (a push, a sync). Comparing each new list with the
// last tells which recordings' edits changed: only those recordings are refreshed elsewhere.
import type {
  ArgsOf,
  EditFields,
  IpcError,
  IpcResult,
  OutboxCounts,
  OutboxItem,
  RendererApi,
} from '@shared/contract';

/** The server's values an editor started from (the base of the fields new to the edit). */
type StartedFrom = NonNullable<ArgsOf<'outbox:edit'>['from']>;

const NONE: OutboxCounts = { pending: 0, failed: 0, conflict: 0 };

/** The queued edits of the signed-in account. */
export class OutboxStore {
  /** Null until the first answer. */
  items = $state<OutboxItem[] | null>(null);
  /** Why the last read failed (the last good list stays). */
  error = $state<IpcError | null>(null);
  counts = $state<OutboxCounts>(NONE);
  readonly #api: RendererApi;
  readonly #onRecordingsChanged: (uuids: string[]) => void;
  #request = 0;

  /** `onRecordingsChanged`: told the recordings whose queued edit changed since the last list. */
  constructor(api: RendererApi, onRecordingsChanged: (uuids: string[]) => void) {
    this.#api = api;
    this.#onRecordingsChanged = onRecordingsChanged;
  }

  /** Edits waiting, failed or in conflict. */
  get total(): number {
    return this.counts.pending + this.counts.failed + this.counts.conflict;
  }

  /** Reads the counts and the list (start of an account). */
  async load(): Promise<void> {
    const counts = await this.#api['outbox:counts']({});
    if (counts.ok) this.counts = counts.value;
    await this.reload();
  }

  /** The service's counts after a change (its event), and the list read again. */
  changed(counts: OutboxCounts): Promise<void> {
    this.counts = counts;
    return this.reload();
  }

  /** Reads the list again; an answer older than the newest request is dropped. */
  async reload(): Promise<void> {
    const id = ++this.#request;
    const r = await this.#api['outbox:list']({});
    if (id !== this.#request) return;
    if (!r.ok) {
      this.error = r.error;
      return;
    }
    this.error = null;
    const previous = this.items;
    this.items = r.value;
    if (previous !== null) {
      const changed = changedRecordings(previous, r.value);
      if (changed.length > 0) this.#onRecordingsChanged(changed);
    }
  }

  /** Queues an edit (or changes the recording's open one); `from`: the server's values the editor saw. */
  edit(uuid: string, fields: EditFields, from: StartedFrom): Promise<IpcResult<OutboxItem | null>> {
    return this.#then(this.#api['outbox:edit']({ uuid, fields, from }));
  }

  retry(id: number): Promise<IpcResult<null>> {
    return this.#then(this.#api['outbox:retry']({ id }));
  }

  discard(id: number): Promise<IpcResult<null>> {
    return this.#then(this.#api['outbox:discard']({ id }));
  }

  /** Settles a conflict: keep mine sends my value anyway, take theirs drops it. */
  resolve(id: number, choice: 'keep-mine' | 'take-theirs'): Promise<IpcResult<null>> {
    return this.#then(this.#api['outbox:resolve']({ id, choice }));
  }

  /** Sends the pending edits now. */
  push(): Promise<IpcResult<OutboxCounts>> {
    return this.#then(this.#api['outbox:push']({}));
  }

  /** An action's result, once the list shows what it did (a refusal may have changed it too). */
  async #then<T>(call: Promise<IpcResult<T>>): Promise<IpcResult<T>> {
    const r = await call;
    await this.reload();
    return r;
  }
}

/** The recordings whose queued edit was added, changed (state, fields, attempts) or left the queue. */
function changedRecordings(before: OutboxItem[], after: OutboxItem[]): string[] {
  const key = (items: OutboxItem[]): Map<string, string> =>
    new Map(items.map((i) => [i.uuid, JSON.stringify(i)]));
  const was = key(before);
  const now = key(after);
  const changedOrNew = [...now].filter(([uuid, item]) => was.get(uuid) !== item).map(([uuid]) => uuid);
  const gone = [...was.keys()].filter((uuid) => !now.has(uuid));
  return [...changedOrNew, ...gone];
}
