// The README's npm scripts from a new shell: PATH has the system's Node first (Debian's is 20), not the
// Node 22 that scripts/setup.sh installs under .tools/ and that node_modules' native addons are built
// for. Each script must find Node 22 by itself (scripts/run.mjs) or say what to do. And
// ./scripts/start.sh, where Electron cannot be had, opens the browser host instead of ending with
// nothing to use. One file, so that start.sh's build of out/ never runs while `npm run web` serves it.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { skipOnWindows } from '../helpers/posix';

const root = resolve(import.meta.dirname, '../..');
// A login shell's PATH: the system's node (if any) wins; ours is only a last resort, so that a machine
// without a system Node (CI) still finds npm.
const freshPath = [
  '/usr/local/sbin',
  '/usr/local/bin',
  '/usr/sbin',
  '/usr/bin',
  '/sbin',
  '/bin',
  dirname(process.execPath),
].join(':');
const freshEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  HOME: process.env['HOME'] ?? tmpdir(),
  PATH: freshPath,
  ...extra,
});
const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function systemNodeVersion(): string | null {
  const r = spawnSync('node', ['--version'], { env: freshEnv(), encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

describe('npm scripts from a fresh shell', () => {
  it('npm run web serves the interface (no segmentation fault on an older system Node)', async (ctx) => {
    skipOnWindows(ctx);
    const dataDir = mkdtempSync(join(tmpdir(), 'sdesk-fresh-web-'));
    temp.push(dataDir);
    const child = spawn('npm', ['run', '-s', 'web', '--', '--port', '0', '--data-dir', dataDir], {
      cwd: root,
      env: freshEnv(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<string>((done) =>
      child.on('exit', (code, signal) => done(`exit ${code ?? signal}`)),
    );
    const url = await Promise.race([
      new Promise<string>((done) => {
        const poll = setInterval(() => {
          const match = /open:\s+(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
          if (match?.[1]) {
            clearInterval(poll);
            done(match[1]);
          }
        }, 100);
      }),
      exited,
    ]);
    try {
      expect(url, output).toMatch(/^http:\/\/127\.0\.0\.1:/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app"');
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }, 120_000);

  it('npm test runs a suite that loads better-sqlite3 (no module-version error)', (ctx) => {
    skipOnWindows(ctx);
    const r = spawnSync('npm', ['test', '--', 'test/integration/db-migrations.test.ts'], {
      cwd: root,
      env: freshEnv(),
      encoding: 'utf8',
    });
    expect(r.stdout + r.stderr).not.toMatch(/NODE_MODULE_VERSION/);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }, 180_000);

  it('without any Node 22, the launcher says to run ./scripts/setup.sh instead of failing obscurely', (ctx) => {
    skipOnWindows(ctx);
    const version = systemNodeVersion();
    if (!version || Number(version.slice(1).split('.')[0]) >= 22) {
      ctx.skip(true, `the system Node here is ${version ?? 'missing'}, not older than 22`);
    }
    // A checkout with no .tools/ and no node_modules: only the launcher.
    const bare = mkdtempSync(join(tmpdir(), 'sdesk-bare-'));
    temp.push(bare);
    mkdirSync(join(bare, 'scripts'));
    copyFileSync(join(root, 'scripts/run.mjs'), join(bare, 'scripts/run.mjs'));
    const r = spawnSync('node', [join(bare, 'scripts/run.mjs'), 'node', '--version'], {
      env: freshEnv(),
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('needs Node 22.12 or newer');
    expect(r.stderr).toContain('./scripts/setup.sh');
    expect(existsSync(join(bare, 'node_modules'))).toBe(false);
  });
});

describe('./scripts/start.sh without the Electron binary', () => {
  it('says so and serves the same interface through the browser host', async (ctx) => {
    skipOnWindows(ctx);
    if (existsSync(join(root, 'node_modules/electron/path.txt'))) {
      ctx.skip(true, 'Electron is installed here: start.sh opens the desktop window');
    }
    const stamp = join(root, 'node_modules/.sdesk-install-stamp');
    const lockHash = createHash('sha256')
      .update(readFileSync(join(root, 'package-lock.json')))
      .digest('hex');
    if (!existsSync(stamp) || !readFileSync(stamp, 'utf8').includes(lockHash)) {
      ctx.skip(
        true,
        'node_modules is not installed from this package-lock.json: start.sh would reinstall it',
      );
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'sdesk-start-'));
    temp.push(dataDir);
    const child = spawn('bash', ['scripts/start.sh'], {
      cwd: root,
      env: {
        ...process.env,
        SDESK_SKIP_APT: '1',
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        SCREENDESK_DATA_DIR: dataDir,
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<string>((done) => child.on('exit', (code) => done(`exit ${code}`)));
    const url = await Promise.race([
      new Promise<string>((done) => {
        const poll = setInterval(() => {
          const m = /open:\s+(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
          if (m?.[1]) {
            clearInterval(poll);
            done(m[1]);
          }
        }, 100);
      }),
      exited,
    ]);
    try {
      expect(output).toContain('The Electron binary is not installed');
      expect(url, output).toMatch(/^http:\/\/127\.0\.0\.1:/);
      expect(output).toContain(`data folder: ${dataDir}`);
      expect((await fetch(url)).status).toBe(200);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }, 180_000);
});
