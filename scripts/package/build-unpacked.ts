// Builds the app's unpacked Linux layout (electron-builder's `dir` target) with the project's real
// electron-builder.yml, from a stand-in Electron distribution: what `npm run package` puts into the
// AppImage and the deb, checkable where Electron cannot be downloaded.
// It runs in a staging copy of the files the package is made of, never in the project itself: the
// stand-in better-sqlite3 "Electron build" it provides must not land in the project's .native/, where
// `npm run dev` would load it. node_modules is linked, not copied; electron-builder reads it by
// walking it (its "traversal" collector) because npm's own listing cannot follow a linked
// node_modules.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeStandInElectron } from './stand-in-electron';

/** What the package is made of besides the build (electron-builder.yml's `files`, its hook, its resources). */
const STAGED = [
  'package.json',
  'electron-builder.yml',
  'drizzle',
  'resources',
  'scripts/package/before-pack.mjs',
];

export interface UnpackedBuild {
  /** electron-builder's exit status and its output, for the failure message. */
  status: number | null;
  output: string;
  /** dist/linux-unpacked (or linux-arm64-unpacked) inside the work folder. */
  appOutDir: string;
  electronVersion: string;
}

export function buildUnpacked(opts: {
  root: string;
  workDir: string;
  /**
   * Provide .native/ as `npm run rebuild:electron` would, with the Node build of better-sqlite3 in
   * place of the Electron one (the only build there is here: its ABI is not Electron's).
   */
  withNativeBuild: boolean;
}): UnpackedBuild {
  const { root, workDir } = opts;
  const stage = join(workDir, 'stage');
  for (const entry of STAGED) cpSync(join(root, entry), join(stage, entry), { recursive: true });
  // A fresh build of the sources, as `npm run package` makes one (the project's out/ may be stale or
  // missing).
  const built = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
      'build',
      '--outDir',
      join(stage, 'out'),
      '--logLevel',
      'error',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stdout}${built.stderr}`);
  symlinkSync(realpathSync(join(root, 'node_modules')), join(stage, 'node_modules'), 'junction');
  const readVersion = (pkg: string): string =>
    (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
      .version;
  const electronVersion = readVersion('electron');
  const arch = process.arch;
  if (opts.withNativeBuild) {
    const dir = join(stage, '.native', `electron-${electronVersion}-linux-${arch}`);
    mkdirSync(dir, { recursive: true });
    cpSync(
      join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
      join(dir, 'better_sqlite3.node'),
    );
    const info = {
      electron: electronVersion,
      betterSqlite3: readVersion('better-sqlite3'),
      platform: 'linux',
      arch,
    };
    writeFileSync(join(dir, 'build-info.json'), JSON.stringify(info));
  }
  const electronDist = join(workDir, 'electron-dist');
  writeStandInElectron(electronDist);
  const dist = join(workDir, 'dist');
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/electron-builder/cli.js'),
      '--linux',
      'dir',
      `--${arch}`,
      '--projectDir',
      stage,
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${dist}`,
    ],
    {
      cwd: stage,
      encoding: 'utf8',
      env: { ...process.env, npm_config_user_agent: 'traversal', npm_execpath: '' },
    },
  );
  return {
    status: r.status,
    output: `${r.stdout}${r.stderr}`,
    appOutDir: join(dist, arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`),
    electronVersion,
  };
}
