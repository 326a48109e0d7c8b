// Builds better-sqlite3's native addon for Electron into .native/electron-<version>-<platform>-<arch>/,
// where the app loads it from (src/main/electron/native.ts; packaged as resources/native/). The Node
// build in node_modules is left alone, so the tests and the CLI keep working after the app has run,
// and the reverse. keytar needs no second build: it is an N-API addon, one binary for both runtimes.
// A Node script rather than a shell one: on Windows, `bash` may be WSL's, which would build a Linux
// addon.
//
//   npm run rebuild:electron [-- --force] [--arch x64|arm64] [--required]
//
// --required (npm run package): a build that cannot be made is an error even without the Electron
// binary.
//
// Does nothing when the build exists for this Electron and this better-sqlite3 (build-info.json
// records both; a build for another version is stale and replaced). Needs better-sqlite3's prebuilt
// Electron binary (GitHub releases) or Electron's headers (electronjs.org/headers) to compile
// against. Where neither can be reached, it says so and builds nothing.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    force: { type: 'boolean', default: false },
    required: { type: 'boolean', default: false },
    arch: { type: 'string', default: process.arch },
  },
});
const say = (message) => process.stderr.write(`\x1b[1m==> ${message}\x1b[0m\n`);
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

const electronVersion = readJson(join(root, 'node_modules/electron/package.json')).version;
const sqliteVersion = readJson(join(root, 'node_modules/better-sqlite3/package.json')).version;
const { platform } = process;
const arch = values.arch;
const prefix = `electron-${electronVersion}-${platform}-`;
const outDir = join(root, '.native', `${prefix}${arch}`);
const addon = join(outDir, 'better_sqlite3.node');
const infoPath = join(outDir, 'build-info.json');
const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform, arch };

function isCurrent() {
  if (!existsSync(addon) || !existsSync(infoPath)) return false;
  const info = readJson(infoPath);
  return Object.entries(wanted).every(([key, value]) => info[key] === value);
}

async function reachable(url) {
  try {
    const response = await fetch(url, {
      method: 'HEAD',
      redirect: 'follow',
      signal: AbortSignal.timeout(20_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** Runs a Node tool from node_modules (no .cmd shims, no shell: the same on every OS). */
function nodeTool(script, args, cwd, timeoutMs) {
  const env = { ...process.env };
  // scripts/env.sh and run.mjs may point node-gyp at Node's headers; this build must use Electron's.
  delete env.npm_config_nodedir;
  const r = spawnSync(process.execPath, [join(root, script), ...args], {
    cwd,
    env,
    stdio: 'inherit',
    timeout: timeoutMs,
  });
  return r.status === 0;
}

if (isCurrent() && !values.force) {
  say(
    `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is already built: ${addon} (--force rebuilds it)`,
  );
  process.exit(0);
}

const electronInstalled = existsSync(join(root, 'node_modules/electron/path.txt'));
const headers = `https://electronjs.org/headers/v${electronVersion}/node-v${electronVersion}-headers.tar.gz`;
if (!(await reachable('https://github.com')) && !(await reachable(headers))) {
  say(
    `Skipped: neither GitHub (prebuilt binaries) nor Electron's headers (${headers}) can be reached from this machine.`,
  );
  say(
    'The tests and the CLI are unaffected (they use the Node build in node_modules); the desktop app and its packages need this build. Re-run where the download works.',
  );
  if (values.required) {
    say(
      "Packaging needs this build. Where Electron's downloads cannot be reached, `npm run package:check` checks the package layout instead.",
    );
    process.exit(1);
  }
  // Without the Electron binary there is nothing to run the build with either: not an error here.
  process.exit(electronInstalled ? 1 : 0);
}

mkdirSync(join(root, '.native'), { recursive: true });
// The copy lives inside the project so that its build finds the project's node_modules.
const work = mkdtempSync(join(root, '.native', 'work-'));
try {
  const pkg = join(work, 'better-sqlite3');
  cpSync(join(root, 'node_modules/better-sqlite3'), pkg, { recursive: true, dereference: true });
  rmSync(join(pkg, 'build'), { recursive: true, force: true });
  say(
    `Fetching or building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch})`,
  );
  const target = [`--target=${electronVersion}`, `--arch=${arch}`];
  const prebuilt = nodeTool(
    'node_modules/prebuild-install/bin.js',
    ['--runtime=electron', `--platform=${platform}`, ...target],
    pkg,
    180_000,
  );
  if (!prebuilt) {
    say("No prebuilt binary: compiling against Electron's headers");
    const built = nodeTool(
      'node_modules/node-gyp/bin/node-gyp.js',
      ['rebuild', '--release', '--runtime=electron', '--dist-url=https://electronjs.org/headers', ...target],
      pkg,
      1_200_000,
    );
    if (!built) {
      say(
        'Building better-sqlite3 for Electron failed (see above). A C++ toolchain is needed: build-essential on Linux, the Xcode command line tools on macOS, Visual Studio Build Tools on Windows.',
      );
      process.exit(1);
    }
  }
  mkdirSync(outDir, { recursive: true });
  cpSync(join(pkg, 'build/Release/better_sqlite3.node'), `${addon}.tmp`);
  renameSync(`${addon}.tmp`, addon);
  writeFileSync(infoPath, `${JSON.stringify(wanted, null, 2)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Builds for other Electron versions are stale (another ABI): drop them so packaging ships one.
for (const name of readdirSync(join(root, '.native'))) {
  if (name.startsWith('electron-') && name.endsWith(`-${platform}-${arch}`) && name !== `${prefix}${arch}`) {
    rmSync(join(root, '.native', name), { recursive: true, force: true });
  }
}

// Prove it loads in Electron's runtime when the binary is here and runs on this machine
// (ELECTRON_RUN_AS_NODE: no window).
if (electronInstalled && arch === process.arch) {
  const electron = join(
    root,
    'node_modules/electron/dist',
    readFileSync(join(root, 'node_modules/electron/path.txt'), 'utf8').trim(),
  );
  const r = spawnSync(
    electron,
    [
      '-e',
      "const D=require(process.argv[2]);new D(':memory:',{nativeBinding:process.argv[1]}).close()",
      addon,
      join(root, 'node_modules/better-sqlite3'),
    ],
    { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: 'inherit' },
  );
  if (r.status !== 0) {
    say(`The build does not load in Electron ${electronVersion}: ${addon}`);
    rmSync(outDir, { recursive: true, force: true });
    process.exit(1);
  }
}
say(`Built ${addon}`);
