// Desktop notifications for edits that failed or conflicted: the user may be in another app when a
// background push meets a refusal. Clicking one brings the window back.
import type { BrowserWindow } from 'electron';
import { Notification } from 'electron';
import type { EventOf } from '../../shared/contract';

// A shown notification whose JS object is garbage-collected loses its click handler: each is held
// here until it is clicked, closed, or fails.
const shown = new Set<Notification>();

/**
 * Notification text as the OS will read it. Linux notification servers interpret a subset of markup
 * in the body (<b>, <a href>, <img>…), so recording titles there are escaped; macOS and Windows show
 * the text as it is.
 */
function notificationText(text: string, platform: NodeJS.Platform = process.platform): string {
  if (platform !== 'linux') return text;
  return text.replace(/[&<>"']/g, (c) => MARKUP_ESCAPES[c] ?? c);
}

const MARKUP_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Shows one notification for an 'outbox:problem' event (when the OS supports them). */
export function notifyProblem(problem: EventOf<'outbox:problem'>, window: () => BrowserWindow | null): void {
  if (!Notification.isSupported()) return;
  const title =
    problem.status === 'conflict' ? 'An edit conflicts with the server' : 'An edit was not accepted';
  const note = new Notification({ title, body: notificationText(problem.message), silent: false });
  const forget = (): void => {
    shown.delete(note);
  };
  note.on('click', () => {
    forget();
    const win = window();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  note.on('close', forget);
  note.on('failed', forget);
  shown.add(note);
  note.show();
}
