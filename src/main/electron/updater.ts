// Auto-update through electron-updater, from the GitHub Releases feed that the release workflow
// builds into the app (electron-builder writes resources/app-update.yml when a publish feed is set;
// a local build has none, and a development run is never updated). The decisions — when to look,
// background download, waiting for syncs and pushes before restarting — are UpdateController's
// (plain Node, tested against a real feed); this file only hands it Electron's updater.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
// electron-updater is CommonJS; its named exports are getters that Node's ESM loader cannot see.
import electronUpdater from 'electron-updater';
import type { UpdatesDoor } from '../service/update-channels';
import type { Logger } from '../log/logger';
import { realTimers } from '../service/timers';
import { UpdateController } from '../updates/update-controller';

export interface AutoUpdate {
  /** The service's view of updates (update:state, update:install). */
  door: UpdatesDoor;
  /** Starts looking (at once, then daily) when this build has a feed; `whenIdle`: no sync or push runs. */
  start(whenIdle: () => Promise<void>): void;
  stop(): void;
}

export function createAutoUpdate(opts: { log: Logger; onReady: (version: string) => void }): AutoUpdate {
  let controller: UpdateController | null = null;
  return {
    door: {
      get readyVersion() {
        return controller?.readyVersion ?? null;
      },
      install: () =>
        controller ? controller.install() : Promise.reject(new Error('Updates are off in this build.')),
    },
    start(whenIdle) {
      // A development run is never updated (and has no resources folder of its own).
      if (!app.isPackaged || !existsSync(join(process.resourcesPath, 'app-update.yml'))) {
        opts.log.info('Updates are off: this build has no release feed');
        return;
      }
      const { autoUpdater } = electronUpdater;
      autoUpdater.logger = {
        info: (message: unknown) => opts.log.info(`Updater: ${String(message)}`),
        warn: (message: unknown) => opts.log.warn(`Updater: ${String(message)}`),
        error: (message: unknown) => opts.log.error(`Updater: ${String(message)}`),
        debug: () => undefined,
      };
      controller = new UpdateController({
        updater: autoUpdater,
        timers: realTimers,
        log: opts.log,
        whenIdle,
        onReady: opts.onReady,
      });
      controller.start();
    },
    stop() {
      controller?.stop();
    },
  };
}
