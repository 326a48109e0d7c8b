// The busy/error pattern of every button that calls the service: busy while the call runs (the button
// disables), the failure's message afterwards (shown beside it), cleared when the next call starts.
import type { IpcError, IpcResult } from '@shared/contract';
import { describeError } from '../logic/errors';

/** One action's busy flag and the message of its last failure. */
export class Busy {
  busy = $state(false);
  error = $state<string | null>(null);

  /** Runs `call` (its buttons disabled meanwhile) and resolves to its result. */
  async run<T>(
    call: () => Promise<IpcResult<T>>,
    describe: (error: IpcError) => string = describeError,
  ): Promise<IpcResult<T>> {
    this.busy = true;
    this.error = null;
    try {
      const r = await call();
      if (!r.ok) this.error = describe(r.error);
      return r;
    } finally {
      this.busy = false;
    }
  }
}
