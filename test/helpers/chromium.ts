// The Chromium the browser tests run in, and how: Debian's where there is one (Playwright cannot
// download its own here); elsewhere (macOS, Windows runners) Playwright's own, which scripts/setup.sh
// installs. One declaration for the e2e suite (playwright.config.ts) and the stand-in Electron harness.
import { existsSync } from 'node:fs';

export const CHROMIUM_LAUNCH = {
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
};
