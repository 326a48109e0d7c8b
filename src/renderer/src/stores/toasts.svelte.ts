// Short messages that appear in a corner and are announced to screen readers (an aria-live region).
// One list per account (stores/account.svelte.ts): a message about one account's edits never shows
// after a switch to another.

/** A message on screen, with an optional action (e.g. "Open outbox"). */
export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error';
  action: ToastAction | null;
}

/** A toast's button: its label, and what a click does. */
export interface ToastAction {
  label: string;
  run: () => void;
}

const LIFETIME_MS = 8_000;

/** The messages on screen. */
export class Toasts {
  items = $state<Toast[]>([]);
  private next = 1;

  /** Shows a message for a few seconds. */
  show(text: string, kind: Toast['kind'] = 'info', action: ToastAction | null = null): void {
    const id = this.next++;
    this.items.push({ id, text, kind, action });
    if (this.items.length > 4) this.items.shift();
    setTimeout(() => this.dismiss(id), LIFETIME_MS);
  }

  dismiss(id: number): void {
    const i = this.items.findIndex((t) => t.id === id);
    if (i !== -1) this.items.splice(i, 1);
  }

  /** Runs a toast's action. */
  act(t: Toast): void {
    t.action?.run();
    this.dismiss(t.id);
  }
}
