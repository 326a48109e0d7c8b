import { describe, expect, it } from 'vitest';
import { sandboxProblem, type SandboxFacts } from '../../scripts/lib/chrome-sandbox';

const ubuntu2404: SandboxFacts = {
  platform: 'linux',
  isRoot: false,
  restrictUserns: '1',
  helper: { uid: 1000, mode: 0o100755 },
  helperPath: '/home/me/app/node_modules/electron/dist/chrome-sandbox',
};

describe('npm run dev: the Chromium sandbox check', () => {
  it('on Ubuntu 24.04 with the helper as npm unpacked it, says exactly which commands fix it', () => {
    const message = sandboxProblem(ubuntu2404);
    expect(message).toContain(`sudo chown root:root ${ubuntu2404.helperPath}`);
    expect(message).toContain(`sudo chmod 4755 ${ubuntu2404.helperPath}`);
    expect(message).toContain('npm run dev -- --no-sandbox');
  });

  it('is satisfied once the helper is setuid root', () => {
    expect(sandboxProblem({ ...ubuntu2404, helper: { uid: 0, mode: 0o104755 } })).toBeNull();
    // Owned by root but not setuid is still refused by Chromium.
    expect(sandboxProblem({ ...ubuntu2404, helper: { uid: 0, mode: 0o100755 } })).not.toBeNull();
  });

  it('stays quiet where user namespaces are not restricted, on other systems, and as root', () => {
    expect(sandboxProblem({ ...ubuntu2404, restrictUserns: '0' })).toBeNull();
    expect(sandboxProblem({ ...ubuntu2404, restrictUserns: null })).toBeNull();
    expect(sandboxProblem({ ...ubuntu2404, platform: 'darwin' })).toBeNull();
    expect(sandboxProblem({ ...ubuntu2404, isRoot: true })).toBeNull();
  });
});
