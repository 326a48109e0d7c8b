import { readFileSync } from 'node:fs';

/**
 * sdesk's version: the one in package.json, read when asked, so it cannot drift from the release and a
 * bundle built before a version bump still tells the truth. This module and the bundle
 * (out/cli/sdesk.mjs) both sit two folders below the project root.
 */
export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  if (typeof pkg.version !== 'string') throw new Error('package.json has no version');
  return pkg.version;
}
