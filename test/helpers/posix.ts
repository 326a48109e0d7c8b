import type { TestContext } from 'vitest';

/** Skips a test that runs POSIX shells (bash, a login PATH): Windows has them only through Git Bash. */
export function skipOnWindows(ctx: TestContext): void {
  if (process.platform === 'win32') ctx.skip(true, 'runs POSIX shells, which Windows lacks');
}
