// `npm run web`: the app in a browser, for development where the Electron binary is missing. Builds
// the renderer when there is no build yet (or with --build), starts the browser host on 127.0.0.1 with
// the real keychain and the app's own data folder, and prints the URL to open (the key is in it).
//
//   npm run web [-- --build] [--port N] [--data-dir DIR]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { APP_NAME } from '../src/shared/app';
import { startBrowserHost } from '../src/main/browser-host';
import { defaultDataDir } from '../src/main/paths';
import { openSecretStore } from '../src/main/secrets';
import { createFileLogger } from '../src/main/log/logger';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
  },
});

const rendererDir = join(root, 'out/renderer');
if (values.build || !existsSync(join(rendererDir, 'index.html'))) {
  process.stderr.write('Building the renderer (electron-vite build)…\n');
  // Through Node, not node_modules/.bin (a .cmd shim on Windows, which execFile cannot start).
  execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
}

const dataDir = values['data-dir'] ?? process.env['SCREENDESK_DATA_DIR'] ?? defaultDataDir();
const { store, warning } = await openSecretStore({ service: APP_NAME });
if (warning) process.stderr.write(`Keychain: ${warning}\n`);
const log = createFileLogger({ path: join(dataDir, 'logs', 'web.log'), echo: true });
const host = await startBrowserHost({
  dataDir,
  port: Number(values.port),
  rendererDir,
  secrets: store,
  keychainWarning: warning,
  log,
});

process.stdout.write(
  [
    `${APP_NAME} in the browser (development host; never part of the app)`,
    `  data folder: ${dataDir}`,
    `  open:        ${host.url}`,
    '',
    'The key in the URL is what lets the page reach your data: do not share it. Ctrl+C stops the host.',
    '',
  ].join('\n'),
);

const stop = async (): Promise<void> => {
  await host.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
