// Builds only the renderer (Vite + Svelte, no electron-vite) into `outDir`, for the browser host to
// serve: the e2e tests' setup and the start-up benchmark build it the same way.
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

/** Builds src/renderer into `outDir` (emptied first). */
export async function buildRenderer(outDir: string): Promise<void> {
  await build({
    root: resolve(ROOT, 'src/renderer'),
    configFile: false,
    base: './',
    logLevel: 'warn',
    plugins: [svelte({ configFile: resolve(ROOT, 'svelte.config.js') })],
    resolve: { alias: { '@shared': resolve(ROOT, 'src/shared') } },
    build: {
      outDir,
      emptyOutDir: true,
      // The build's timing report is noise in a test or benchmark log.
      rolldownOptions: { checks: { bundlerTimings: false } },
    },
  });
}
