// Requests both ways over one message pipe (the child process's IPC channel, structured clone): each
// side serves named operations and calls the other's, answers matched by id. Events are one-way.

/** A message on the pipe. */
export type Wire =
  | { kind: 'call'; id: number; op: string; args: unknown }
  | { kind: 'answer'; id: number; ok: true; value: unknown }
  | { kind: 'answer'; id: number; ok: false; message: string }
  | { kind: 'event'; event: unknown };

/** Operations one side serves. */
export type Handlers = Record<string, (args: never) => unknown>;

/** One end of the pipe. */
export class Rpc {
  #next = 1;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly #handlers: Handlers = {};

  constructor(
    private readonly send: (message: Wire) => void,
    private readonly onEvent: (event: unknown) => void = () => undefined,
  ) {}

  /** Adds operations this side answers. */
  serve(handlers: Handlers): void {
    Object.assign(this.#handlers, handlers);
  }

  /** Calls an operation of the other side. */
  call<T = unknown>(op: string, args: unknown = null): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ kind: 'call', id, op, args });
    });
  }

  /** Sends a one-way event. */
  emit(event: unknown): void {
    this.send({ kind: 'event', event });
  }

  /** Every call still waiting fails (the other side is gone). */
  failAll(message: string): void {
    for (const { reject } of this.#pending.values()) reject(new Error(message));
    this.#pending.clear();
  }

  /** Feeds a message that arrived from the other side. */
  receive(message: Wire): void {
    if (message.kind === 'event') return this.onEvent(message.event);
    if (message.kind === 'answer') {
      const waiting = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (!waiting) return;
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new Error(message.message));
      return;
    }
    const handler = this.#handlers[message.op];
    void (async () => {
      try {
        if (!handler) throw new Error(`No stand-in operation ${message.op}`);
        const value = await (handler as (args: unknown) => unknown)(message.args);
        this.send({ kind: 'answer', id: message.id, ok: true, value });
      } catch (error) {
        const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        this.send({ kind: 'answer', id: message.id, ok: false, message: text });
      }
    })();
  }
}
