// The two request channels of app updates. The updater lives with the door (electron-updater in the
// Electron glue, a test feed in the browser host's tests), so these are answered where it is: by the
// service when it runs on the door's thread, by the relay when the service runs on a thread of its own
// (src/main/threads/relay.ts). One implementation.
import type { UpdateState } from '../../shared/contract';
import { ServiceError } from './errors';

/** What the service needs of the app's updater (src/main/updates/update-controller.ts). */
export interface UpdatesDoor {
  readonly readyVersion: string | null;
  install(): Promise<void>;
}

/** The update channels' handlers. */
export interface UpdateHandlers {
  'update:state'(): UpdateState;
  'update:install'(): Promise<null>;
}

/** Handlers of the update channels over `updates` (none: no update is ever offered). */
export function updateChannels(updates: UpdatesDoor | undefined): UpdateHandlers {
  return {
    'update:state'(): UpdateState {
      return { readyVersion: updates?.readyVersion ?? null };
    },
    async 'update:install'(): Promise<null> {
      if (!updates || updates.readyVersion === null) {
        throw new ServiceError('not_found', 'No update is waiting to be installed.');
      }
      await updates.install();
      return null;
    },
  };
}
