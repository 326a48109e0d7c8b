// Run by `npm run test:e2e-electron` before Playwright: says in plain words why the Electron tests
// will be skipped (Playwright's list reporter shows only "skipped").
import { whyNotRunnable } from './launch';

const reason = whyNotRunnable();
process.stderr.write(
  reason === null
    ? 'Electron end-to-end tests: the app can be launched.\n'
    : `Electron end-to-end tests SKIPPED: ${reason}\n`,
);
