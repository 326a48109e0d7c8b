// A test's call through a door (the browser host's service threads), as the page makes it: the result's
// value, or the test fails with the service's {code, message}.
import type { ArgsOf, RequestChannel, ResultOf } from '../../src/shared/contract';
import type { ServiceDoor } from '../../src/main/ipc';

export async function callService<C extends RequestChannel>(
  door: ServiceDoor,
  channel: C,
  args: ArgsOf<C> | Record<string, never> = {},
): Promise<ResultOf<C>> {
  const result = await door.call(channel, args);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as ResultOf<C>;
}
