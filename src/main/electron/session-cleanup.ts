// Signing out with "delete the cache" removes the account's data from disk; what the window's session
// kept (HTTP cache, storage, cookies) goes with it, so nothing of that account survives in the app.
import type { Session } from 'electron';
import { REQUEST_CHANNELS } from '../../shared/channels';
import type { ServiceHandlers } from '../../shared/contract';

/** The service's handlers, with account:signOut also clearing `ses` when the cache is deleted. */
export function clearSessionOnSignOut(
  service: ServiceHandlers,
  ses: Pick<Session, 'clearCache' | 'clearStorageData'>,
): ServiceHandlers {
  const handlers = Object.fromEntries(
    REQUEST_CHANNELS.map((channel) => [channel, (service[channel] as (a: unknown) => unknown).bind(service)]),
  ) as unknown as ServiceHandlers;
  const signOut = handlers['account:signOut'];
  handlers['account:signOut'] = async (args) => {
    const state = await signOut(args);
    if (args.deleteCache) {
      await ses.clearCache();
      await ses.clearStorageData();
    }
    return state;
  };
  return handlers;
}
