// The page's half of contextBridge, run in Chromium before any script of each document (an init
// script): it puts what the preload exposed on `window` (top frame only, as preloads do not run in
// subframes), copying every argument with the structured clone algorithm first, as Electron does, so a
// Svelte $state proxy fails here exactly as it fails in the app. Calls travel to the preload through a
// Playwright binding; callbacks (an event listener) and returned functions (its disposer) are carried
// by id.
import type { Shape } from './child/preload';

/** What the init script is given. */
export interface BridgeConfig {
  /** The Playwright binding that reaches the harness. */
  binding: string;
  /** The global the harness calls back through (a random name). */
  dispatcher: string;
  exposed: Record<string, Shape>;
}

/** The init script (serialized by Playwright: it must not refer to anything outside itself). */
export function installBridge(config: BridgeConfig): void {
  if (window.top !== window) return;
  // Looked up at each call: Playwright installs its bindings after init scripts run.
  const send = (msg: unknown): Promise<unknown> =>
    (window as unknown as Record<string, (m: unknown) => Promise<unknown>>)[config.binding]!(msg);
  const callbacks = new Map<number, (...args: unknown[]) => void>();
  let nextCallback = 1;
  Object.defineProperty(window, config.dispatcher, {
    value: (id: number, args: unknown[]) => callbacks.get(id)?.(...args),
    enumerable: false,
  });
  const clone = (value: unknown): unknown => {
    try {
      return structuredClone(value);
    } catch {
      throw new Error('An object could not be cloned.');
    }
  };
  const encode = (arg: unknown): unknown => {
    if (typeof arg !== 'function') return { v: clone(arg) };
    const id = nextCallback++;
    callbacks.set(id, arg as (...args: unknown[]) => void);
    return { __fn: id };
  };
  const decode = (result: { __fn?: number; v?: unknown }): unknown => {
    if (typeof result.__fn !== 'number') return result.v;
    const id = result.__fn;
    return (...args: unknown[]) =>
      send({ op: 'bridge:callReturned', id, args: args.map((a) => clone(a)) }).then((r) =>
        decode(r as { v?: unknown }),
      );
  };
  const build = (shape: Shape, path: string[]): unknown => {
    if ('fn' in shape) {
      return (...args: unknown[]) => {
        const encoded = args.map(encode);
        const pending = send({ op: 'bridge:call', path, args: encoded }).then((r) =>
          decode(r as { v?: unknown }),
        );
        // A call handing over a listener gets its disposer at once (contextBridge returns it
        // synchronously); the disposer waits for the real one.
        if (args.some((a) => typeof a === 'function')) {
          return () => {
            void pending.then((off) => (typeof off === 'function' ? off() : undefined));
          };
        }
        return pending;
      };
    }
    if ('obj' in shape) {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(shape.obj)) out[key] = build(inner, [...path, key]);
      return Object.freeze(out);
    }
    return shape.value;
  };
  for (const [key, shape] of Object.entries(config.exposed)) {
    Object.defineProperty(window, key, { value: build(shape, [key]), enumerable: true });
  }
}
