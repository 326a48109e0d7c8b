// Launching the real app with Playwright's Electron support, each run on its own data folder. Where the
// Electron binary (or the app's build, or the Electron build of better-sqlite3) is missing, the tests
// are skipped with the reason: they cannot mean anything without it.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';

/** The project's root (where package.json points Electron at out/main/index.js). */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Why the Electron tests cannot run here, or null when they can. */
export function whyNotRunnable(): string | null {
  if (!existsSync(join(ROOT, 'node_modules/electron/path.txt'))) {
    return "Electron binary not installed: node_modules/electron/path.txt is missing (the download from Electron's release host failed); run `npm run setup` where it can be reached";
  }
  if (!existsSync(join(ROOT, 'out/main/index.js'))) return 'The app is not built: run `npm run build` first';
  const native = join(ROOT, '.native');
  const built = existsSync(native) && readdirSync(native).some((d) => d.startsWith(`electron-`));
  if (!built) return 'better-sqlite3 is not built for Electron: run `npm run rebuild:electron` first';
  return null;
}

/** Starts the app on `dataDir` (a fresh folder by default). */
export async function launchApp(dataDir = mkdtempSync(join(tmpdir(), 'sdesk-electron-'))): Promise<{
  app: ElectronApplication;
  dataDir: string;
}> {
  const args = [ROOT];
  // Chromium refuses to run as root with its sandbox on (containers, CI).
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  const app = await electron.launch({
    args,
    cwd: ROOT,
    env: { ...process.env, SCREENDESK_DATA_DIR: dataDir, ELECTRON_RENDERER_URL: '' },
  });
  return { app, dataDir };
}
