// Runs before the chromium project (a Playwright setup project): builds the renderer once for the run,
// into its own folder (out/e2e-renderer), so a run never depends on, or clobbers, whatever
// `electron-vite build` last left in out/renderer. Only the renderer is built: the browser host runs
// the main-process code straight from the sources.
import { resolve } from 'node:path';
import { test as setup } from '@playwright/test';
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { E2E_RENDERER_DIR } from './paths';

setup('build the renderer', async () => {
  setup.setTimeout(180_000);
  const root = resolve(import.meta.dirname, '../..');
  await build({
    root: resolve(root, 'src/renderer'),
    configFile: false,
    base: './',
    logLevel: 'warn',
    plugins: [svelte({ configFile: resolve(root, 'svelte.config.js') })],
    resolve: { alias: { '@shared': resolve(root, 'src/shared') } },
    build: {
      outDir: E2E_RENDERER_DIR,
      emptyOutDir: true,
      // The build's timing report is noise in a test log.
      rolldownOptions: { checks: { bundlerTimings: false } },
    },
  });
});
