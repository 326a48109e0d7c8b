// Electron's IPC copies values with the structured clone algorithm: functions, Proxies (a Svelte
// $state object), symbols and class instances' prototypes do not cross; Dates, Maps, typed arrays do.
import { deserialize, serialize } from 'node:v8';

/** A structured-clone copy of `value`, or Electron's error when it cannot be cloned. */
export function cloneForIpc<T>(value: T): T {
  try {
    return deserialize(serialize(value)) as T;
  } catch {
    throw new Error('An object could not be cloned.');
  }
}
