// The rest of the desktop: Menu (kept, items clickable by label from the harness), Notification (the
// "OS" keeps only a weak reference to a shown notification, as Electron's native side does: once
// nothing in the app holds it and it is garbage-collected, a click on it is lost), dialog (recorded;
// message boxes answered by the harness), shell (recorded, nothing opened), powerMonitor, screen.
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { failIfAsked, link, record } from './link';

type Template = Electron.MenuItemConstructorOptions;

class StandInMenu {
  constructor(readonly items: Template[]) {}
}

let applicationMenu: StandInMenu | null = null;

/** The stand-in Menu. */
export const Menu = {
  buildFromTemplate: (template: Template[]) => new StandInMenu(template),
  setApplicationMenu(menu: StandInMenu | null): void {
    failIfAsked('Menu.setApplicationMenu');
    applicationMenu = menu;
    record('menu:setApplicationMenu', { labels: (menu?.items ?? []).map((i) => i.label ?? i.role ?? '') });
  },
  getApplicationMenu: () => applicationMenu,
};

/** Clicks the first menu item with this label (any depth); false when there is none. */
export function clickMenuItem(label: string): boolean {
  const find = (items: Template[]): Template | null => {
    for (const item of items) {
      if (item.label === label) return item;
      const sub = Array.isArray(item.submenu) ? find(item.submenu) : null;
      if (sub) return sub;
    }
    return null;
  };
  const item = find(applicationMenu?.items ?? []);
  if (!item?.click) return false;
  (item.click as () => void)();
  return true;
}

// What the OS notification center holds: weak references only.
const shown: { ref: WeakRef<StandInNotification>; title: string; body: string }[] = [];

class StandInNotification extends EventEmitter {
  static isSupported(): boolean {
    return true;
  }

  constructor(readonly options: Electron.NotificationConstructorOptions = {}) {
    super();
  }

  show(): void {
    const title = this.options.title ?? '';
    const body = this.options.body ?? '';
    shown.push({ ref: new WeakRef(this), title, body });
    record('notification:show', { index: shown.length - 1, title, body });
    this.emit('show', {});
  }

  close(): void {
    this.emit('close', {});
  }
}

/** The stand-in Notification class. */
export const Notification = StandInNotification;

/** The user clicks notification `index`: delivered only if the app still holds the object. */
export function clickNotification(index: number): boolean {
  const entry = shown[index];
  const note = entry?.ref.deref();
  if (!note) {
    record('notification:click-lost', { index });
    return false;
  }
  note.emit('click', {});
  record('notification:clicked', { index });
  return true;
}

/** The stand-in dialog. */
export const dialog = {
  showErrorBox(title: string, content: string): void {
    record('dialog:showErrorBox', { title, content });
    process.stderr.write(`[dialog] ${title}\n${content}\n`);
  },
  async showMessageBox(
    windowOrOptions: unknown,
    maybeOptions?: Electron.MessageBoxOptions,
  ): Promise<Electron.MessageBoxReturnValue> {
    const options = (maybeOptions ?? windowOrOptions) as Electron.MessageBoxOptions;
    const box = {
      type: options.type ?? 'none',
      title: options.title ?? '',
      message: options.message,
      detail: options.detail ?? '',
      buttons: options.buttons ?? ['OK'],
      defaultId: options.defaultId ?? 0,
      cancelId: options.cancelId ?? null,
      modal: maybeOptions !== undefined,
    };
    record('dialog:showMessageBox', box);
    const response = await link.call<number>('dialog', box);
    return { response, checkboxChecked: false };
  },
};

/** The stand-in shell: records, opens nothing. */
export const shell = {
  async openExternal(url: string): Promise<void> {
    record('shell:openExternal', { url });
  },
  async openPath(path: string): Promise<string> {
    record('shell:openPath', { path });
    return '';
  },
  showItemInFolder(path: string): void {
    record('shell:showItemInFolder', { path });
  },
};

/** The stand-in powerMonitor (the harness emits 'resume' and the like). */
export const powerMonitor = new EventEmitter();

const display = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  scaleFactor: 1,
};

/** The stand-in screen: one 1920×1080 display. */
export const screen = {
  getAllDisplays: () => [display],
  getPrimaryDisplay: () => display,
  getDisplayMatching: () => display,
};
