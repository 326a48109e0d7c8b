// The one way a call crosses into the service, shared by the Electron IPC binding and the browser
// host: the channel must exist, the arguments must match the contract (the service is not called
// otherwise), and whatever happens the caller gets an IpcResult value, never a thrown error.
import type { IpcResult, RequestChannel, ServiceHandlers } from '../../shared/contract';
import { isRequestChannel, requests } from '../../shared/contract';
import type { Logger } from '../log/logger';
import { nullLogger } from '../log/logger';
import { describeZodError, INTERNAL_MESSAGE, toIpcError } from './errors';

/** Options of dispatch. */
export interface DispatchOptions {
  log?: Logger;
  /**
   * Check results against the contract too (development and tests): a service that drifts from the
   * contract is caught at its source instead of as a confusing UI bug.
   */
  validateResults?: boolean;
}

/**
 * Validates `rawArgs` for `channel`, calls the service, and wraps the outcome as an IpcResult. A thread
 * that serves only some channels (the reader) passes only their handlers.
 */
export async function dispatch(
  service: Partial<ServiceHandlers>,
  channel: unknown,
  rawArgs: unknown,
  opts: DispatchOptions = {},
): Promise<IpcResult<unknown>> {
  const log = opts.log ?? nullLogger;
  if (!isRequestChannel(channel)) {
    return { ok: false, error: { code: 'invalid_arguments', message: 'Unknown request channel' } };
  }
  const spec = requests[channel];
  const parsed = spec.args.safeParse(rawArgs);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_arguments', message: describeZodError(parsed.error) } };
  }
  let value: unknown;
  try {
    value = await call(service, channel, parsed.data);
  } catch (error) {
    return { ok: false, error: toIpcError(error, log, channel) };
  }
  if (opts.validateResults) {
    const checked = spec.result.safeParse(value);
    if (!checked.success) {
      log.error(`${channel}: the service answered outside the contract`, describeZodError(checked.error));
      return { ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } };
    }
    return { ok: true, value: checked.data };
  }
  return { ok: true, value };
}

// One indirection so the channel → method lookup is typed once: the arguments were parsed by that
// channel's own schema just above.
function call(service: Partial<ServiceHandlers>, channel: RequestChannel, args: unknown): unknown {
  const handler = service[channel] as ((a: unknown) => unknown) | undefined;
  if (handler === undefined) throw new Error(`Nothing here answers ${channel}`);
  return handler.call(service, args);
}
