// `npm run dev`: the app with hot reload. Before electron-vite starts Electron it makes sure that
// Electron can start at all: the binary is installed, better-sqlite3 is built for it (without that the
// app quits with "cannot open its database"; rebuild-electron.mjs does nothing when the build is
// current), and Chromium's sandbox can run (as root it cannot: --no-sandbox; under AppArmor's user
// namespace restriction it needs a setuid helper: say how).
//
//   npm run dev [-- --no-sandbox] [other electron-vite dev options]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sandboxFacts, sandboxProblem } from './lib/chrome-sandbox';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const say = (message: string): void => void process.stderr.write(`${message}\n`);

if (!existsSync(join(root, 'node_modules/electron/path.txt'))) {
  say(
    "The Electron binary is not installed (it is downloaded from Electron's release host; run ./scripts/setup.sh\n" +
      'where that host can be reached). Meanwhile `npm run web` serves the same interface in a browser.',
  );
  process.exit(1);
}

const rebuilt = spawnSync(process.execPath, [join(root, 'scripts/rebuild-electron.mjs')], {
  stdio: 'inherit',
});
if (rebuilt.status !== 0) process.exit(rebuilt.status ?? 1);

const noSandbox = args.includes('--no-sandbox') || args.includes('--noSandbox');
const devArgs = args.filter((a) => a !== '--no-sandbox' && a !== '--noSandbox');
const facts = sandboxFacts(join(root, 'node_modules/electron/dist'));
// Chromium refuses to run as root with its sandbox on (containers, CI).
if (facts.isRoot || noSandbox) devArgs.push('--noSandbox');
else {
  const problem = sandboxProblem(facts);
  if (problem) {
    say(problem);
    process.exit(1);
  }
}
const dev = spawnSync(join(root, 'node_modules/.bin/electron-vite'), ['dev', ...devArgs], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(dev.status ?? 1);
