// The data folder holds the recordings cache (customer data) and the settings: on Linux and macOS it
// is private to the user. The folder is created 0700, and the process's umask makes everything created
// in it afterwards (caches, SQLite's WAL and shared-memory files, settings, logs) 0600 / 0700. Files an
// older version left readable by others are tightened at start.
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** The folder itself: SCREENDESK_DATA_DIR (relative to the working directory) or the default. */
export function resolveDataDir(fromEnv: string | undefined, fallback: string, cwd = process.cwd()): string {
  const chosen = fromEnv?.trim() ? fromEnv.trim() : fallback;
  return isAbsolute(chosen) ? resolve(chosen) : resolve(cwd, chosen);
}

/** Creates the folder (and its parents) if needed and makes it private. Throws when it cannot exist. */
export function preparePrivateDataDir(dataDir: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') {
    // Windows: the user profile's ACLs already keep %APPDATA% private.
    mkdirSync(dataDir, { recursive: true });
    return;
  }
  process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  tighten(dataDir, 0);
}

// What the app and the CLI keep in the folder, a few levels deep (accounts/<id>/cache.sqlite*, logs/…).
function tighten(dir: string, depth: number): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && depth < 2) {
      chmodSync(path, 0o700);
      tighten(path, depth + 1);
    } else if (entry.isFile()) {
      chmodSync(path, 0o600);
    }
  }
}
