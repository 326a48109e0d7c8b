// When the app looks for, fetches and installs updates — plain Node, so it is tested against a real
// update feed without Electron (test/integration/updates-feed.test.ts). The Electron glue
// (src/main/electron/updater.ts) hands it electron-updater's autoUpdater; only a packaged app built
// with a release feed has one.
//   - Looks at start and then once a day; a failed look (offline, feed down) is logged and retried at
//     the next one, never shown as an error: the app works the same without updates.
//   - Downloads in the background as soon as a newer version is found, then says so once
//     (`onReady`): the status bar offers "Restart to update".
//   - Installing waits until no sync or push runs (`whenIdle`), so an update never cuts one off; a
//     downloaded update not installed by then is installed when the app quits.
import type { Logger } from '../log/logger';
import type { Timers } from '../service/timers';

/** A day: how often a running app looks for an update after the first look at start. */
export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** The part of electron-updater's AppUpdater this uses (the real class satisfies it). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface UpdateControllerOptions {
  updater: Updater;
  timers: Timers;
  log: Logger;
  /** Resolves once no sync or push runs (DesktopService.whenIdle). */
  whenIdle: () => Promise<void>;
  /** A newer version is downloaded and ready to install. */
  onReady: (version: string) => void;
  intervalMs?: number;
}

export class UpdateController {
  readonly #opts: UpdateControllerOptions;
  #timer: unknown = null;
  #looking: Promise<void> | null = null;
  #ready: string | null = null;
  #installing = false;
  #stopped = false;

  constructor(opts: UpdateControllerOptions) {
    this.#opts = opts;
    // The download is ours to start (after the check, in the background); the install on quit is
    // electron-updater's, for an update the user did not restart for.
    opts.updater.autoDownload = false;
    opts.updater.autoInstallOnAppQuit = true;
  }

  /** The version downloaded and waiting for a restart, or null. */
  get readyVersion(): string | null {
    return this.#ready;
  }

  /** Looks now, then once a day. */
  start(): void {
    void this.checkNow();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer !== null) this.#opts.timers.clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** One look (joined if one runs): check, and download what is newer. Never rejects. */
  checkNow(): Promise<void> {
    this.#looking ??= this.#look().finally(() => {
      this.#looking = null;
      this.#schedule();
    });
    return this.#looking;
  }

  /** Restarts into the downloaded update once no sync or push runs. */
  async install(): Promise<void> {
    if (this.#ready === null) throw new Error('No update has been downloaded.');
    if (this.#installing) return;
    this.#installing = true;
    this.#opts.log.info(`Installing update ${this.#ready} once no sync or push runs`);
    await this.#opts.whenIdle();
    this.stop();
    this.#opts.updater.quitAndInstall(false, true);
  }

  async #look(): Promise<void> {
    // Once downloaded, a later look has nothing to add until the restart.
    if (this.#ready !== null || this.#stopped) return;
    const { updater, log } = this.#opts;
    try {
      const result = await updater.checkForUpdates();
      if (!result?.isUpdateAvailable) {
        log.info('No update available');
        return;
      }
      const version = result.updateInfo.version;
      log.info(`Downloading update ${version} in the background`);
      await updater.downloadUpdate();
      if (this.#stopped) return;
      this.#ready = version;
      log.info(`Update ${version} downloaded: it installs on restart`);
      this.#opts.onReady(version);
    } catch (error) {
      log.warn('Could not look for an update (the next look is in a day)', error);
    }
  }

  #schedule(): void {
    if (this.#stopped || this.#ready !== null) return;
    if (this.#timer !== null) this.#opts.timers.clearTimeout(this.#timer);
    this.#timer = this.#opts.timers.setTimeout(() => {
      this.#timer = null;
      void this.checkNow();
    }, this.#opts.intervalMs ?? UPDATE_CHECK_INTERVAL_MS);
  }
}
