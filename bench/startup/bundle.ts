// The start-up benchmark's host bundled as the app bundles its main process: one file for the host and
// one for each of the service's threads (src/main/threads/), native modules external, so that a start
// measures loading the app's code, not compiling TypeScript (the packaged app ships JavaScript). Built
// into out/bench-host/, inside the project, so that the bundle finds the migrations by walking up.
import { build } from 'esbuild';
import { join, resolve } from 'node:path';
import { ROOT } from '../lib/child';

const OUT = resolve(ROOT, 'out/bench-host');

/** Bundles host.ts and the thread entries; returns the host's bundled file. */
export async function bundleHost(): Promise<string> {
  await build({
    entryPoints: {
      host: resolve(import.meta.dirname, 'host.ts'),
      'service-thread': resolve(ROOT, 'src/main/threads/service-thread.ts'),
      'reader-thread': resolve(ROOT, 'src/main/threads/reader-thread.ts'),
    },
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // esbuild too: the host builds its page script with it at run time (browser-host/client-script.ts).
    external: ['better-sqlite3', 'keytar', 'playwright-core', 'esbuild'],
    logLevel: 'warning',
    // A few bundled CommonJS dependencies still call require() (as in scripts/build-cli.sh).
    banner: {
      js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);",
    },
  });
  return join(OUT, 'host.mjs');
}
