import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipOnWindows } from '../helpers/posix';
import { runCli } from '../helpers/run-cli';

const root = resolve(import.meta.dirname, '../..');
const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
  version: string;
};

beforeAll(() => {
  execFileSync('bash', [resolve(import.meta.dirname, '../../scripts/build-cli.sh')]);
});

describe('sdesk --help, help COMMAND and --version (bin/sdesk as a user runs it)', () => {
  it('--version prints the version of package.json', async () => {
    const run = await runCli(['--version']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`sdesk ${pkg.version}\n`);
  });

  it('--version of a clean clone (no bundle yet) is the version its package.json says', (ctx) => {
    skipOnWindows(ctx);
    const clone = mkdtempSync(join(tmpdir(), 'sdesk-clone-'));
    temp.push(clone);
    // The files bin/sdesk needs, as a clone has them (committed or not yet); the install is shared.
    const tracked = execFileSync(
      'git',
      [
        'ls-files',
        '-z',
        '--cached',
        '--others',
        '--exclude-standard',
        'bin',
        'scripts',
        'src',
        'drizzle',
        'package*.json',
      ],
      {
        cwd: root,
        encoding: 'utf8',
      },
    ).split('\0');
    for (const file of tracked.filter(Boolean)) {
      mkdirSync(dirname(join(clone, file)), { recursive: true });
      cpSync(join(root, file), join(clone, file));
    }
    for (const link of ['node_modules', '.tools']) symlinkSync(join(root, link), join(clone, link));
    const manifest = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(clone, 'package.json'), JSON.stringify({ ...manifest, version: '9.8.7-clone' }));
    const run = spawnSync(join(clone, 'bin/sdesk'), ['--version'], {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('sdesk 9.8.7-clone\n');
  });

  it('--help lists every command with the exit codes, without needing a token', async () => {
    const run = await runCli(['--help']);
    expect(run.code, run.stderr).toBe(0);
    for (const name of ['sync', 'search', 'show', 'edit', 'push', 'queue', 'retry', 'discard', 'resolve'])
      expect(run.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    for (const name of ['export', 'login', 'logout', 'demo'])
      expect(run.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(run.stdout).toContain('Exit codes: 0 success, 1 failure, 2 usage, 3 no token or token rejected');
    expect((await runCli(['help'])).stdout).toBe(run.stdout);
  });

  it('help COMMAND and COMMAND --help describe that command and its options only', async () => {
    const run = await runCli(['help', 'export']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Usage: sdesk .*export/);
    expect(run.stdout).toContain('--format json|csv');
    expect(run.stdout).toContain('--out FILE');
    expect(run.stdout).not.toContain('--limit');
    expect((await runCli(['export', '--help'])).stdout).toBe(run.stdout);
    const search = await runCli(['search', '--help']);
    expect(search.stdout).toContain('--sort relevance|newest|oldest|longest');
    expect(search.stdout).toContain('Search syntax:');
    expect(search.stdout).not.toContain('--format');
  });

  it('help of an unknown command is a usage error (exit 2), not the whole help', async () => {
    const run = await runCli(['help', 'frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("Unknown command 'frobnicate'");
  });
});
