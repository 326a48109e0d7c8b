// The stand-in's line to the harness in the test process: the Node IPC channel of the forked app
// process. Every call the app makes into the stand-in that a test may want to see is recorded as a
// timeline event, in order.
import type { Wire } from '../rpc';
import { Rpc } from '../rpc';

/** One entry of the app's timeline: what it asked of Electron, in order. */
export interface TimelineEvent {
  type: string;
  [detail: string]: unknown;
}

if (typeof process.send !== 'function') {
  throw new Error('The stand-in electron module runs only in a process started by launchStandIn()');
}
const send = (message: Wire): void => {
  // A message that cannot be cloned is a bug of the stand-in: say which.
  try {
    process.send?.(message);
  } catch (error) {
    process.stderr.write(
      `stand-in: could not send ${JSON.stringify(message).slice(0, 200)}: ${String(error)}\n`,
    );
  }
};

/** Requests to and from the harness. */
export const link = new Rpc(send);
process.on('message', (message) => link.receive(message as Wire));
// The open channel keeps the process alive, as Electron's main process lives until the app quits (or
// exits) whatever its event loop holds; without the harness there is no app to run.
process.on('disconnect', () => process.exit(70));

/** Records one timeline event. */
export function record(type: string, detail: Record<string, unknown> = {}): void {
  link.emit({ type, ...detail } satisfies TimelineEvent);
}

/** Exits the process once every timeline event before it has reached the harness. */
export function exitAfterFlush(code: number): void {
  const message: Wire = { kind: 'event', event: { type: 'process:exit', code } };
  if (!process.connected) process.exit(code);
  process.send?.(message, undefined, {}, () => process.exit(code));
}

/** An event object whose default action a listener may prevent (Electron's `Event`). */
export interface Preventable {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

/** A fresh preventable event, with `extra` fields. */
export function preventable<T extends object>(extra?: T): Preventable & T {
  let prevented = false;
  return Object.assign(
    {
      preventDefault() {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    extra ?? ({} as T),
  );
}

/** Throws when the harness asked this Electron call to fail (STANDIN_FAIL_ON=Menu.setApplicationMenu). */
export function failIfAsked(api: string): void {
  if (process.env['STANDIN_FAIL_ON'] === api)
    throw new Error(`${api} failed (the harness was asked to fail it)`);
}
