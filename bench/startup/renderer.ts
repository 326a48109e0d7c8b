// The renderer the start-up benchmark serves: built as the e2e tests build it
// (test/helpers/build-renderer.ts) into its own folder, and only when a source is newer than the last build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildRenderer } from '../../test/helpers/build-renderer';
import { ROOT } from '../lib/child';

const BENCH_RENDERER_DIR = resolve(ROOT, 'out/bench-renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the renderer into BENCH_RENDERER_DIR unless the build there is newer than its sources. */
export async function ensureRenderer(): Promise<string> {
  const index = join(BENCH_RENDERER_DIR, 'index.html');
  const sources = Math.max(
    newestMtime(resolve(ROOT, 'src/renderer')),
    newestMtime(resolve(ROOT, 'src/shared')),
  );
  if (existsSync(index) && statSync(index).mtimeMs > sources) return BENCH_RENDERER_DIR;
  process.stdout.write('Building the renderer for the start-up benchmark…\n');
  await buildRenderer(BENCH_RENDERER_DIR);
  return BENCH_RENDERER_DIR;
}
