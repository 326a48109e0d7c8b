// electron-builder's beforePack hook: refuses to package an app whose better-sqlite3 has no Electron
// build for the target. Without it the packaged app starts, cannot open its database, and says so
// only to the user. The build comes from `npm run rebuild:electron` (scripts/rebuild-electron.mjs),
// which records what it built in build-info.json.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** @param {import('electron-builder').BeforePackContext} context */
export default async function beforePack(context) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const projectDir = context.packager.projectDir;
  const electronVersion = context.packager.config.electronVersion ?? context.packager.info.framework.version;
  if (platform !== process.platform) {
    throw new Error(
      `Packaging for ${platform} must run on ${platform}: better-sqlite3's Electron build is native code for the build machine's OS.`,
    );
  }
  const dir = join(projectDir, '.native', `electron-${electronVersion}-${platform}-${arch}`);
  const addon = join(dir, 'better_sqlite3.node');
  const sqliteVersion = JSON.parse(
    readFileSync(join(projectDir, 'node_modules/better-sqlite3/package.json'), 'utf8'),
  ).version;
  const infoPath = join(dir, 'build-info.json');
  const info = existsSync(infoPath) ? JSON.parse(readFileSync(infoPath, 'utf8')) : null;
  const archOption = arch === process.arch ? '' : ` -- --arch ${arch}`;
  if (!existsSync(addon)) {
    throw new Error(
      `better-sqlite3 has no build for Electron ${electronVersion} (${platform}-${arch}): ${addon} is missing, and the app could not open its database.\nRun: npm run rebuild:electron${archOption}`,
    );
  }
  if (info?.betterSqlite3 !== sqliteVersion) {
    throw new Error(
      `${addon} was built from better-sqlite3 ${info?.betterSqlite3 ?? '(unknown)'}, node_modules has ${sqliteVersion}.\nRun: npm run rebuild:electron${archOption ? `${archOption} --force` : ' -- --force'}`,
    );
  }
}
