// Runs before the chromium project (a Playwright setup project): builds the renderer once for the run,
// into its own folder (out/e2e-renderer), so a run never depends on, or clobbers, whatever
// `electron-vite build` last left in out/renderer. Only the renderer is built: the browser host runs
// the main-process code straight from the sources.
import { test as setup } from '@playwright/test';
import { buildRenderer } from '../helpers/build-renderer';
import { E2E_RENDERER_DIR } from './paths';

setup('build the renderer', async () => {
  setup.setTimeout(180_000);
  await buildRenderer(E2E_RENDERER_DIR);
});
