// The application menu: the usual roles (so the usual shortcuts work, and edit shortcuts reach text
// fields), plus Sync now and the data folder and log file under Help. Reload and the developer tools
// exist only in development: in the app, Ctrl/Cmd+R means "Sync now", as in mail clients.
import type { MenuItemConstructorOptions } from 'electron';

/** What the menu's own items do. */
export interface MenuActions {
  syncNow(): void;
  openDataFolder(): void;
  openLogFile(): void;
}

/** The menu template for a platform. */
export function menuTemplate(opts: {
  appName: string;
  isMac: boolean;
  isDev: boolean;
  actions: MenuActions;
}): MenuItemConstructorOptions[] {
  const { isMac, isDev, actions } = opts;
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: opts.appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const view: MenuItemConstructorOptions[] = [
    ...(isDev
      ? ([
          { role: 'reload', accelerator: 'CmdOrCtrl+Shift+R' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...appMenu,
    {
      label: '&File',
      submenu: [
        { label: 'Sync Now', accelerator: 'CmdOrCtrl+R', click: () => actions.syncNow() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: '&View', submenu: view },
    {
      label: '&Window',
      submenu: isMac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    {
      role: 'help',
      submenu: [
        { label: 'Open Data Folder', click: () => actions.openDataFolder() },
        { label: 'Open Log File', click: () => actions.openLogFile() },
      ],
    },
  ];
}
