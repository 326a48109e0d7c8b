// The shell scripts run on macOS too: bash 3.2 (an empty array expanded under `set -u` is an
// "unbound variable" error there), no sha256sum, no timeout.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { skipOnWindows } from '../helpers/posix';

const root = resolve(import.meta.dirname, '../..');
const SCRIPTS = [
  'scripts/setup.sh',
  'scripts/test.sh',
  'scripts/start.sh',
  'scripts/env.sh',
  'scripts/build-cli.sh',
  'scripts/with-keyring.sh',
  'bin/sdesk',
];
const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A PATH with the basic tools and perl/shasum, but neither sha256sum nor timeout (as on macOS). */
function macLikePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sdesk-maclike-'));
  temp.push(dir);
  for (const tool of ['bash', 'cut', 'perl', 'shasum', 'sleep', 'sh', 'dirname', 'cat']) {
    const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    if (found) symlinkSync(found, join(dir, tool));
  }
  return dir;
}

describe('the scripts on macOS', () => {
  it('expand every array that can be empty in the bash 3.2-safe form', () => {
    // Arrays that always hold something: the package list, and "missing" once it is known non-empty.
    const neverEmpty = new Set(['APT_PACKAGES', 'missing']);
    const unsafe: string[] = [];
    for (const file of SCRIPTS) {
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const m of line.matchAll(/(\+)?"\$\{(\w+)\[@\]\}"/g)) {
            if (!m[1] && !neverEmpty.has(m[2]!)) unsafe.push(`${file}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    expect(unsafe).toEqual([]);
  });

  it('hash and time out without sha256sum and timeout', (ctx) => {
    skipOnWindows(ctx);
    const helpers = join(root, 'scripts/env.sh');
    const run = (script: string) =>
      spawnSync(join(macLikePath(), 'bash'), ['-c', `set -u; source "${helpers}"; ${script}`], {
        env: { PATH: macLikePath() },
        encoding: 'utf8',
      });
    const lock = join(root, 'package-lock.json');
    const hash = run(`command -v sha256sum timeout; sha256_of "${lock}"`);
    expect(hash.stdout.trim()).toBe(createHash('sha256').update(readFileSync(lock)).digest('hex'));
    expect(run('run_with_timeout 1 sleep 30; echo "status $?"').stdout).toContain('status 124');
    expect(run('run_with_timeout 30 sh -c "exit 3"; echo "status $?"').stdout).toContain('status 3');
  });
});
