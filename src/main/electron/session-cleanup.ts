// Signing out with "delete the cache" removes the account's data from disk; what the window's session
// kept (HTTP cache, storage, cookies) goes with it, so nothing of that account survives in the app.
import type { Session } from 'electron';
import { isRecord } from '../../shared/json-object';
import type { ServiceDoor } from '../ipc';

/** The service's door, with a successful account:signOut that deleted the cache also clearing `ses`. */
export function clearSessionOnSignOut(
  door: ServiceDoor,
  ses: Pick<Session, 'clearCache' | 'clearStorageData'>,
): ServiceDoor {
  return {
    async call(channel, args) {
      const result = await door.call(channel, args);
      if (channel === 'account:signOut' && result.ok && isRecord(args) && args['deleteCache'] === true) {
        await ses.clearCache();
        await ses.clearStorageData();
      }
      return result;
    },
  };
}
