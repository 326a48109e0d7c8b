// One small protocol between a thread and the thread that started it, used in both directions: `ask`
// (a request that gets one answer, or an error), `tell` (a one-way notice: an event, a log line) and
// `abort` (the asker gave up, e.g. a cancelled fetch). Messages are structured clones: plain data,
// ArrayBuffers transferred. What one side's handler throws comes back to the asker as an Error with the
// same name, message and code; the SecretStoreError of the keychain is rebuilt as itself, because the
// service tells a refused keychain from other failures by its class.
import type { MessagePort, Transferable, Worker } from 'node:worker_threads';
import { SecretStoreError } from '../secrets';

type Endpoint = Pick<MessagePort | Worker, 'postMessage'> & {
  on(event: 'message', listener: (message: unknown) => void): unknown;
};

interface SentError {
  name: string;
  message: string;
  code?: unknown;
}

type Message =
  | { kind: 'ask'; id: number; what: string; args: unknown }
  | { kind: 'answer'; id: number; ok: true; value: unknown }
  | { kind: 'answer'; id: number; ok: false; error: SentError }
  | { kind: 'tell'; what: string; args: unknown }
  | { kind: 'abort'; id: number };

type AskHandler = (args: never, signal: AbortSignal) => unknown;

/** One side of the protocol. */
export class Rpc {
  readonly #port: Endpoint;
  #nextId = 1;
  readonly #waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly #asks = new Map<string, AskHandler>();
  readonly #tells = new Map<string, (args: never) => void>();
  readonly #running = new Map<number, AbortController>();

  constructor(port: Endpoint) {
    this.#port = port;
    port.on('message', (message) => this.#receive(message as Message));
  }

  /** Answers `what` (its value, or a TransferringValue of it). */
  handle<A, R>(what: string, handler: (args: A, signal: AbortSignal) => R | Promise<R>): void {
    this.#asks.set(what, handler as AskHandler);
  }

  /** Takes the notices `what`. */
  onTell<A>(what: string, handler: (args: A) => void): void {
    this.#tells.set(what, handler as (args: never) => void);
  }

  /** Asks the other side; an abort of `signal` tells it to give up and rejects with the signal's reason. */
  ask<R>(what: string, args: unknown = null, signal?: AbortSignal): Promise<R> {
    const id = this.#nextId++;
    return new Promise<R>((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const onAbort = (): void => {
        if (!this.#waiting.delete(id)) return;
        this.#post({ kind: 'abort', id });
        reject(abortReason(signal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.set(id, {
        resolve: (v) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(v as R);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      });
      this.#post({ kind: 'ask', id, what, args });
    });
  }

  /** A one-way notice. */
  tell(what: string, args: unknown = null): void {
    this.#post({ kind: 'tell', what, args });
  }

  /** Rejects every unanswered ask with `error` (the other side is gone). */
  failAll(error: Error): void {
    const waiting = [...this.#waiting.values()];
    this.#waiting.clear();
    for (const w of waiting) w.reject(error);
    for (const controller of this.#running.values()) controller.abort(error);
    this.#running.clear();
  }

  #post(message: Message, transfer: Transferable[] = []): void {
    this.#port.postMessage(message, transfer);
  }

  #receive(message: Message): void {
    switch (message.kind) {
      case 'ask':
        void this.#answer(message.id, message.what, message.args);
        return;
      case 'answer': {
        const waiting = this.#waiting.get(message.id);
        if (waiting === undefined) return; // given up on
        this.#waiting.delete(message.id);
        if (message.ok) waiting.resolve(message.value);
        else waiting.reject(rebuildError(message.error));
        return;
      }
      case 'tell':
        this.#tells.get(message.what)?.(message.args as never);
        return;
      case 'abort':
        this.#running.get(message.id)?.abort(new DOMException('The operation was aborted', 'AbortError'));
        return;
    }
  }

  async #answer(id: number, what: string, args: unknown): Promise<void> {
    const handler = this.#asks.get(what);
    const controller = new AbortController();
    this.#running.set(id, controller);
    try {
      if (handler === undefined) throw new Error(`Nothing answers "${what}" on this thread`);
      const result = await handler(args as never, controller.signal);
      if (result instanceof TransferringValue)
        this.#post({ kind: 'answer', id, ok: true, value: result.value }, result.transfer);
      else this.#post({ kind: 'answer', id, ok: true, value: result });
    } catch (error) {
      this.#post({ kind: 'answer', id, ok: false, error: sendError(error) });
    } finally {
      this.#running.delete(id);
    }
  }
}

/** Wraps an answer whose buffers move to the other thread instead of being copied. */
export class TransferringValue<T> {
  constructor(
    readonly value: T,
    readonly transfer: Transferable[],
  ) {}
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted', 'AbortError');
}

function sendError(error: unknown): SentError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

function rebuildError(sent: SentError): Error {
  if (
    sent.name === 'SecretStoreError' &&
    (sent.code === 'keychain_unavailable' || sent.code === 'keychain_timeout')
  ) {
    return new SecretStoreError(sent.code, sent.message);
  }
  const error = new Error(sent.message);
  error.name = sent.name;
  if (sent.code !== undefined) Object.assign(error, { code: sent.code });
  return error;
}
