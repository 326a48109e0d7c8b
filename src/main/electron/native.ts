// Where the Electron build of better-sqlite3's addon lives. Electron's ABI differs from Node's, and one
// node_modules cannot hold both builds: `npm run rebuild:electron` compiles a copy into
// .native/electron-<version>-<platform>-<arch>/ and the packaged app ships that folder under
// resources/native/.
// node_modules keeps the Node build, so running the app never breaks the tests or the CLI (nor the
// reverse). keytar needs nothing of the kind: it is an N-API addon, one binary for both runtimes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The addon's file name inside the Electron build folder. */
const SQLITE_ADDON = 'better_sqlite3.node';

/** The folder `npm run rebuild:electron` writes for one Electron version and platform. */
function electronBuildDir(root: string, electronVersion: string, platform: string, arch: string): string {
  return join(root, '.native', `electron-${electronVersion}-${platform}-${arch}`);
}

/** Where to look: the packaged app's resources, or the development folder (.native/). */
export function sqliteBindingCandidates(opts: {
  appRoot: string;
  resourcesPath: string | undefined;
  isPackaged: boolean;
  electronVersion: string;
  platform: string;
  arch: string;
}): string[] {
  const dev = join(
    electronBuildDir(opts.appRoot, opts.electronVersion, opts.platform, opts.arch),
    SQLITE_ADDON,
  );
  if (opts.isPackaged && opts.resourcesPath) {
    return [
      join(
        opts.resourcesPath,
        'native',
        `electron-${opts.electronVersion}-${opts.platform}-${opts.arch}`,
        SQLITE_ADDON,
      ),
    ];
  }
  return [dev];
}

/** The first candidate that exists, or null (then the app explains how to build it). */
export function findSqliteBinding(candidates: string[]): string | null {
  return candidates.find((path) => existsSync(path)) ?? null;
}
