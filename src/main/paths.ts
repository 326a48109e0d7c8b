import { homedir } from 'node:os';
import { join } from 'node:path';
import { APP_NAME } from '../shared/app';

/**
 * The desktop app's data folder, computed without Electron so the CLI shares the app's cache. It is
 * the folder Electron's app.getPath('userData') gives for our productName on each platform.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), APP_NAME);
}
