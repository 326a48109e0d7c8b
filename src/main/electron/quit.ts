// Quitting: the database must be closed and the demo server stopped before the process ends, but a
// close that hangs (a disk that stalls, a socket that never drains) must not leave a process that
// refuses to quit. Registered at once at start, so quitting early still closes whatever exists.
import type { App } from 'electron';
import type { Logger } from '../log/logger';

/** How long closing may take before the app exits anyway. */
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * On the first before-quit: prevents it, runs `close` (at most `timeoutMs`), then quits for real
 * (or exits, if closing did not finish in time).
 */
export function closeBeforeQuit(
  app: Pick<App, 'on' | 'quit' | 'exit'>,
  close: () => Promise<void>,
  log: Logger,
  timeoutMs = CLOSE_TIMEOUT_MS,
): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const closed = close().then(
      () => 'closed' as const,
      (error: unknown) => {
        log.error('Closing at quit failed', error);
        return 'closed' as const;
      },
    );
    void Promise.race([closed, timedOut]).then((outcome) => {
      clearTimeout(timer);
      state = 'closed';
      if (outcome === 'timeout') {
        log.warn(`Closing took longer than ${timeoutMs / 1000} s: exiting without waiting`);
        app.exit(0);
      } else {
        app.quit();
      }
    });
  });
}
