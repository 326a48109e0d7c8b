// Why Electron's development binary would refuse to start on this machine, and what to do about it.
// Chromium's sandbox needs unprivileged user namespaces or a setuid-root `chrome-sandbox` helper.
// Ubuntu 24.04 and later restrict user namespaces through AppArmor
// (kernel.apparmor_restrict_unprivileged_userns = 1) unless a profile allows the binary, and the
// helper that npm unpacks into node_modules is owned by the user, not setuid root: Electron then dies
// with "The SUID sandbox helper binary was found, but is not configured correctly".
import { readFileSync, statSync } from 'node:fs';

export interface SandboxFacts {
  platform: NodeJS.Platform;
  isRoot: boolean;
  /** Contents of /proc/sys/kernel/apparmor_restrict_unprivileged_userns, or null where it is absent. */
  restrictUserns: string | null;
  /** The helper's owner and mode, or null where it is missing. */
  helper: { uid: number; mode: number } | null;
  helperPath: string;
}

/** The facts of this machine for the Electron build at `electronDist`. */
export function sandboxFacts(electronDist: string): SandboxFacts {
  const helperPath = `${electronDist}/chrome-sandbox`;
  const read = (path: string): string | null => {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch {
      return null;
    }
  };
  let helper: SandboxFacts['helper'];
  try {
    const stat = statSync(helperPath);
    helper = { uid: stat.uid, mode: stat.mode };
  } catch {
    helper = null;
  }
  return {
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    restrictUserns: read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'),
    helper,
    helperPath,
  };
}

const SETUID = 0o4000;

/**
 * What to tell the developer before starting Electron, or null when it can start with its sandbox.
 * Root never gets here: Chromium refuses its sandbox as root, so the caller passes --no-sandbox.
 */
export function sandboxProblem(facts: SandboxFacts): string | null {
  if (facts.platform !== 'linux' || facts.isRoot) return null;
  if (facts.restrictUserns !== '1') return null;
  if (facts.helper && facts.helper.uid === 0 && (facts.helper.mode & SETUID) !== 0) return null;
  return [
    'Electron cannot start its sandbox here: this system restricts unprivileged user namespaces',
    "(AppArmor, as on Ubuntu 24.04 and later), and the development binary's sandbox helper is not",
    'setuid root. Either make the helper setuid root (once per `npm ci`):',
    '',
    `    sudo chown root:root ${facts.helperPath}`,
    `    sudo chmod 4755 ${facts.helperPath}`,
    '',
    'or run the development app without the sandbox (never do this for the packaged app):',
    '',
    '    npm run dev -- --no-sandbox',
  ].join('\n');
}
