// The app as `npm run build` makes it, built once for however many test files need it: a lock folder
// serializes the builds of parallel test processes, and a build newer than every source file is reused.
// It is built into a folder of its own, not out/: other tests run `npm run build` (start.sh) or serve
// out/ (the browser host) meanwhile, and a build empties its folder first. The folder is inside
// node_modules/ so that the built main finds the project's packages, and migrations, by walking up.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The project's root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** Where the harness's build goes. */
const OUT = join(ROOT, 'node_modules/.cache/sdesk-standin');
/** The built main, preload and renderer. */
export const BUILT = {
  main: join(OUT, 'main/index.js'),
  preload: join(OUT, 'preload/index.cjs'),
  renderer: join(OUT, 'renderer'),
};

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  try {
    const built = Math.min(
      ...[BUILT.main, BUILT.preload, join(BUILT.renderer, 'index.html')].map((f) => statSync(f).mtimeMs),
    );
    const sources = Math.max(
      newestSource(join(ROOT, 'src')),
      statSync(join(ROOT, 'electron.vite.config.ts')).mtimeMs,
    );
    return built > sources;
  } catch {
    return false;
  }
}

/** Builds the app unless a fresh build is there; returns its paths. */
export async function builtApp(): Promise<typeof BUILT> {
  const lock = `${OUT}.build-lock`;
  mkdirSync(dirname(OUT), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test process is building: a lock older than five minutes is a crashed build's.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // Gone meanwhile.
      }
      await sleep(250);
    }
  }
  try {
    if (!isFresh()) {
      execFileSync(
        join(ROOT, 'node_modules/.bin/electron-vite'),
        ['build', '--outDir', OUT, '--logLevel', 'warn'],
        {
          cwd: ROOT,
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return BUILT;
}
