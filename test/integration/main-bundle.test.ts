// The main-process build must carry drizzle-orm and zod inside out/main/index.js: loaded as ES modules
// from inside app.asar they depend on Electron's asar ESM loader, a path that has regressed before.
// Only what cannot be bundled stays external: Electron itself, the native addons and Node's built-ins.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareImports } from '../../scripts/package/bare-imports';

const root = resolve(import.meta.dirname, '../..');
let outDir = '';

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'sdesk-main-bundle-'));
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
      'build',
      '--outDir',
      outDir,
      '--logLevel',
      'error',
    ],
    { cwd: root, stdio: 'pipe' },
  );
}, 180_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The bare imports of every file of the main build: index.js, the threads' entries and their chunks. */
function mainImports(): string[] {
  const files = readdirSync(join(outDir, 'main'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js'));
  return files.flatMap((f) => bareImports(readFileSync(join(outDir, 'main', f), 'utf8')));
}

describe('the main-process build', () => {
  it('has the service and reader threads’ entries next to index.js', () => {
    const files = readdirSync(join(outDir, 'main'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'service-thread.js', 'reader-thread.js']));
  });

  it('imports no drizzle-orm or zod at run time: both are bundled', () => {
    const imports = mainImports();
    expect(imports.filter((name) => /^(drizzle-orm|zod)(\/|$)/.test(name))).toEqual([]);
  });

  it('leaves external only Electron, the native addons, the updater and Node built-ins', () => {
    const imports = mainImports();
    const allowed = new Set(['electron', 'better-sqlite3', 'keytar', 'electron-updater']);
    expect(imports.filter((name) => !name.startsWith('node:') && !allowed.has(name))).toEqual([]);
    expect(imports).toContain('electron');
  });

  it('ships no source maps of the main process', () => {
    const files = readdirSync(join(outDir, 'main'), { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });
});
