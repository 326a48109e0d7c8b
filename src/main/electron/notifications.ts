// Desktop notifications for edits that failed or conflicted: the user may be in another app when a
// background push meets a refusal. Clicking one brings the window back.
import type { BrowserWindow } from 'electron';
import { Notification } from 'electron';
import type { EventOf } from '../../shared/contract';

/** Shows one notification for an 'outbox:problem' event (when the OS supports them). */
export function notifyProblem(problem: EventOf<'outbox:problem'>, window: () => BrowserWindow | null): void {
  if (!Notification.isSupported()) return;
  const title =
    problem.status === 'conflict' ? 'An edit conflicts with the server' : 'An edit was not accepted';
  // The body is shown as plain text by the OS; recording titles never become markup here.
  const note = new Notification({ title, body: problem.message, silent: false });
  note.on('click', () => {
    const win = window();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  note.show();
}
