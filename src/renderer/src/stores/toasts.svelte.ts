// Short messages that appear in a corner and are announced to screen readers (an aria-live region).
import { nav, type View } from './nav.svelte';

/** A message on screen, with an optional action that switches view. */
export interface Toast {
  id: number;
  text: string;
  kind: 'info' | 'error';
  action: { label: string; view: View } | null;
}

const LIFETIME_MS = 8_000;

class Toasts {
  items = $state<Toast[]>([]);
  private next = 1;

  /** Shows a message for a few seconds. */
  show(text: string, kind: Toast['kind'] = 'info', action: Toast['action'] = null): void {
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
    if (t.action) nav.go(t.action.view);
    this.dismiss(t.id);
  }
}

/** The one toast list. */
export const toasts = new Toasts();
