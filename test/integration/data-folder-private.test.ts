// The data folder holds customer data: private to the user on Linux and macOS, whether the app or
// sdesk made it, and tightened when an older version left it readable by others.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { preparePrivateDataDir, resolveDataDir } from '../../src/main/data-folder';
import { startDemoServer } from '../../src/main/demo';
import { runCli } from '../helpers/run-cli';

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});
const folder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'sdesk-private-'));
  folders.push(dir);
  return dir;
};
const mode = (path: string): number => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('a private data folder', () => {
  it('tightens a folder an older version left open', () => {
    const dataDir = join(folder(), 'data');
    mkdirSync(join(dataDir, 'accounts', 'abc'), { recursive: true, mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'settings.json'), '{}', { mode: 0o644 });
    writeFileSync(join(dataDir, 'accounts', 'abc', 'cache.sqlite'), '', { mode: 0o644 });
    const umask = process.umask();
    try {
      preparePrivateDataDir(dataDir);
    } finally {
      // It also sets this process's umask, which children (the sdesk test) would inherit.
      process.umask(umask);
    }
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, 'accounts', 'abc'))).toBe(0o700);
    expect(mode(join(dataDir, 'settings.json'))).toBe(0o600);
    expect(mode(join(dataDir, 'accounts', 'abc', 'cache.sqlite'))).toBe(0o600);
  });

  it('sdesk makes the folder, the cache and its WAL private', async () => {
    expect(process.umask() & 0o077).not.toBe(0o077);
    const demo = await startDemoServer({ port: 0, recordings: 10 });
    try {
      const dataDir = join(folder(), 'cli-data');
      const run = await runCli(['sync', '--data-dir', dataDir], {
        env: { SCREENDESK_API_URL: demo.url, SCREENDESK_API_TOKEN: demo.adminToken },
      });
      expect(run.code).toBe(0);
      expect(mode(dataDir)).toBe(0o700);
      const [account] = readdirSync(join(dataDir, 'accounts'));
      for (const file of readdirSync(join(dataDir, 'accounts', account!))) {
        expect([file, mode(join(dataDir, 'accounts', account!, file))]).toEqual([file, 0o600]);
      }
    } finally {
      await demo.close();
    }
  });
});

describe('SCREENDESK_DATA_DIR', () => {
  it('is taken relative to the working directory, and defaults when empty', () => {
    expect(resolveDataDir('rel/data', '/default', '/work/here')).toBe('/work/here/rel/data');
    expect(resolveDataDir('/abs/data/', '/default', '/work/here')).toBe('/abs/data');
    expect(resolveDataDir('  ', '/default', '/work/here')).toBe('/default');
    expect(resolveDataDir(undefined, '/default', '/work/here')).toBe('/default');
  });
});
