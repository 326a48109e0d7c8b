// A RendererApi for component and store tests: each channel answers what the test says (a value, or
// an IpcError), every call is recorded, and events are sent with `emit`. Unlisted channels answer an
// error, so a component that calls something the test did not expect says so.
import type {
  ArgsOf,
  EventChannel,
  EventOf,
  IpcError,
  IpcResult,
  RendererApi,
  RequestChannel,
  ResultOf,
} from '../../src/shared/contract';
import { REQUEST_CHANNELS } from '../../src/shared/contract';

/** What a channel answers: its value, or an error. */
type Answer<C extends RequestChannel> = (
  args: ArgsOf<C>,
) => ResultOf<C> | IpcError | Promise<ResultOf<C> | IpcError>;
export type Answers = { [C in RequestChannel]?: Answer<C> };

/** One recorded call. */
interface Call {
  channel: RequestChannel;
  args: unknown;
}

export interface FakeApi {
  api: RendererApi;
  calls: Call[];
  /** The arguments of each call of one channel, in order. */
  argsOf<C extends RequestChannel>(channel: C): ArgsOf<C>[];
  /** Changes what channels answer from now on. */
  answer(more: Answers): void;
  /** Sends an event to every listener, as main would. */
  emit<E extends EventChannel>(event: E, payload: EventOf<E>): void;
}

/** An IpcError answer. */
export function refusal(message: string, code: IpcError['code'] = 'validation'): IpcError {
  return { code, message };
}

function isIpcError(v: unknown): v is IpcError {
  return typeof v === 'object' && v !== null && 'code' in v && 'message' in v && Object.keys(v).length === 2;
}

export function fakeApi(initial: Answers = {}): FakeApi {
  const answers: Answers = { ...initial };
  const calls: Call[] = [];
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const api = Object.fromEntries(
    REQUEST_CHANNELS.map((channel) => [
      channel,
      async (args: unknown = {}): Promise<IpcResult<unknown>> => {
        calls.push({ channel, args });
        const answer = answers[channel] as ((a: unknown) => unknown) | undefined;
        if (answer === undefined) {
          return { ok: false, error: { code: 'internal', message: `${channel} is not faked` } };
        }
        const value = await answer(args);
        return isIpcError(value) ? { ok: false, error: value } : { ok: true, value };
      },
    ]),
  ) as Record<string, unknown>;
  api['on'] = (event: EventChannel, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  };
  return {
    api: api as RendererApi,
    calls,
    argsOf: <C extends RequestChannel>(channel: C) =>
      calls.filter((c) => c.channel === channel).map((c) => c.args as ArgsOf<C>),
    answer: (more) => Object.assign(answers, more),
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}
