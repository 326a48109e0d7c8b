// Where the e2e run keeps what it builds and what it leaves for people to look at.
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The renderer built by global-setup.ts for this run. */
export const E2E_RENDERER_DIR = resolve(ROOT, 'out/e2e-renderer');
/** Screenshots of every main screen, kept as test artifacts: screenshots/{light,dark}/NAME.png. */
export const SCREENSHOT_DIR = resolve(ROOT, 'test-results/screenshots');
