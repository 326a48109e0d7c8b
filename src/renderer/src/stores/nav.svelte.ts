// Where the user is: which view, and which recording is open. Plain state, no router: a desktop
// window has no address bar to keep in step. One per account (stores/account.svelte.ts): another
// account starts on its recordings with none open.

/** The main views. */
export type View = 'recordings' | 'outbox' | 'overview' | 'settings';

/** Which view shows, and which recording is open. */
export class Nav {
  view = $state<View>('recordings');
  /** The recording open in the recordings view, if any. */
  uuid = $state<string | null>(null);
  /** Asks the search box to take focus (Ctrl/Cmd+K); bumped, never read for its value. */
  focusSearch = $state(0);

  go(view: View): void {
    this.view = view;
  }

  /** Opens a recording in the recordings view. */
  open(uuid: string): void {
    this.uuid = uuid;
    this.view = 'recordings';
  }

  close(): void {
    this.uuid = null;
  }
}
