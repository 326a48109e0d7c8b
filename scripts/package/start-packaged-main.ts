// The package check's last step: the packaged main process must start under the stand-in Electron
// harness (issue 12, point 1: test code that loads the built main and preload in Node with a
// stand-in `electron` module). Until that harness is merged here, this proves the weaker half:
// the main entry that package.json names inside app.asar exists and parses as a module
// (`node --check`). At the merge, replace the body with a start of the extracted main under the
// harness, keeping the signature.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `appDir`: app.asar extracted to a folder (it holds package.json, out/, drizzle/, node_modules/). */
export function startPackagedMainUnderStandIn(appDir: string): void {
  const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { main?: string };
  if (!pkg.main) throw new Error('the packaged package.json names no main entry');
  const main = join(appDir, pkg.main);
  if (!existsSync(main)) throw new Error(`the packaged main entry ${pkg.main} is missing`);
  const check = spawnSync(process.execPath, ['--check', main], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`the packaged main does not parse:\n${check.stderr}`);
}
