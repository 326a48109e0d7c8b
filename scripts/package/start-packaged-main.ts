// The package check's last step: the packaged main process starts under the stand-in Electron harness
// (test/electron-standin: the built main and preload in Node with a stand-in `electron` module, windows
// in Chromium) and shows its first screen. The harness cannot read app.asar, so it runs the archive
// extracted to a folder, as packaged (app.isPackaged, process.resourcesPath set).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchStandIn } from '../../test/electron-standin';

/** What the packaged app showed before it was asked to quit. */
export interface PackagedStart {
  /** The sign-in screen's "Try demo data" button text: the app's first screen showed. */
  screen: string;
  /** The URL the app loaded its window with (app://…). */
  url: string;
  /** The exit code after a normal quit. */
  exitCode: number | null;
}

/**
 * `appDir`: app.asar extracted to a folder (package.json, out/, drizzle/, node_modules/); `resources`:
 * the packaged resources folder (native builds, icon). Starts it on an empty data folder, waits for
 * the sign-in screen, quits.
 */
export async function startPackagedMainUnderStandIn(
  appDir: string,
  resources: string,
): Promise<PackagedStart> {
  const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { main?: string };
  if (!pkg.main) throw new Error('the packaged package.json names no main entry');
  const mainPath = join(appDir, pkg.main);
  if (!existsSync(mainPath)) throw new Error(`the packaged main entry ${pkg.main} is missing`);
  const dataDir = mkdtempSync(join(tmpdir(), 'sdesk-packaged-'));
  const electron = join(import.meta.dirname, '../../node_modules/electron/package.json');
  const { version: electronVersion } = JSON.parse(readFileSync(electron, 'utf8')) as { version: string };
  const app = await launchStandIn({
    mainPath,
    packaged: true,
    appPath: appDir,
    resourcesPath: resources,
    electronVersion,
    dataDir,
  });
  try {
    const page = await app.page();
    const demo = page.getByRole('button', { name: 'Try demo data' });
    await demo.waitFor({ timeout: 30_000 });
    const screen = (await demo.textContent())?.trim() ?? '';
    // Chromium is served the page from 127.0.0.1 by the app's own app:// handler; the app asked for this.
    const loaded = await app.waitForEvent('webContents:loadURL');
    const url = String(loaded['url'] ?? '');
    const exit = await app.quit();
    return { screen, url, exitCode: exit.code };
  } catch (error) {
    throw new Error(`the packaged app did not start: ${String(error)}\n${app.output()}`, { cause: error });
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
