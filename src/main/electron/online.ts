// The OS's network signal for the connectivity monitor. Electron's main process has no online/offline
// events, so net.isOnline() is polled (a cheap, local call) and re-read when the machine wakes.
import { net, powerMonitor } from 'electron';

/** Calls `report` with net.isOnline() now, every `everyMs`, and on resume; returns a stop function. */
export function watchOsOnline(report: (online: boolean) => void, everyMs = 5_000): () => void {
  const check = (): void => report(net.isOnline());
  check();
  const timer = setInterval(check, everyMs);
  powerMonitor.on('resume', check);
  return () => {
    clearInterval(timer);
    powerMonitor.off('resume', check);
  };
}
