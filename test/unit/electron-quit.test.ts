// Quitting closes what the app opened, but never hangs: closeBeforeQuit against an app object that
// behaves like Electron's (before-quit, preventable; quit() emits it again; exit() ends at once).
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { closeBeforeQuit } from '../../src/main/electron/quit';
import { nullLogger } from '../../src/main/log/logger';

class FakeApp extends EventEmitter {
  ended: 'quit' | 'exit' | null = null;
  quit(): void {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.ended = 'quit';
  }
  exit(): void {
    this.ended = 'exit';
  }
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('waits for closing, then quits for real', async () => {
  const app = new FakeApp();
  let finish = (): void => undefined;
  const close = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
  closeBeforeQuit(app as never, close, nullLogger, 5_000);
  app.quit();
  app.quit(); // a second Cmd+Q while closing changes nothing
  expect(close).toHaveBeenCalledTimes(1);
  expect(app.ended).toBeNull();
  finish();
  await vi.runAllTimersAsync();
  expect(app.ended).toBe('quit');
});

it('exits when closing hangs past the limit', async () => {
  const app = new FakeApp();
  closeBeforeQuit(app as never, () => new Promise<void>(() => undefined), nullLogger, 5_000);
  app.quit();
  await vi.advanceTimersByTimeAsync(4_999);
  expect(app.ended).toBeNull();
  await vi.advanceTimersByTimeAsync(1);
  expect(app.ended).toBe('exit');
});

it('quits even when closing fails', async () => {
  const app = new FakeApp();
  closeBeforeQuit(app as never, () => Promise.reject(new Error('disk gone')), nullLogger, 5_000);
  app.quit();
  await vi.runAllTimersAsync();
  expect(app.ended).toBe('quit');
});
