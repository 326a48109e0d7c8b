// The window comes back where it was, unless that place is gone; the menu has the usual shortcuts and
// no developer tools in the app; the Electron build of better-sqlite3 is looked for where it is put.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../src/main/electron/menu';
import { sqliteBindingCandidates } from '../../src/main/electron/native';
import {
  loadWindowState,
  MIN_SIZE,
  restoredBounds,
  saveWindowState,
} from '../../src/main/electron/window-state';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };

describe('window state', () => {
  it('survives a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdesk-win-'));
    const path = join(dir, 'window-state.json');
    saveWindowState(path, { bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true });
    expect(loadWindowState(path)).toEqual({
      bounds: { x: 100, y: 50, width: 1000, height: 700 },
      maximized: true,
    });
    writeFileSync(path, '{"bounds": {"x": "left"}}');
    expect(loadWindowState(path)).toEqual({ bounds: null, maximized: false });
    rmSync(dir, { recursive: true, force: true });
  });

  it('reopens where it was when that place is on a screen', () => {
    expect(restoredBounds({ x: 100, y: 50, width: 1000, height: 700 }, [screen])).toEqual({
      x: 100,
      y: 50,
      width: 1000,
      height: 700,
    });
  });

  it('is centred instead when its monitor is gone', () => {
    expect(restoredBounds({ x: 2500, y: 100, width: 1000, height: 700 }, [screen])).toBeNull();
    expect(restoredBounds({ x: 100, y: -900, width: 1000, height: 700 }, [screen])).toBeNull();
  });

  it('never reopens smaller than the layout needs', () => {
    expect(restoredBounds({ x: 10, y: 10, width: 50, height: 20 }, [screen])).toMatchObject(MIN_SIZE);
  });
});

// The template's item type, without importing electron here (the lint fence keeps tests Electron-free).
type MenuItemConstructorOptions = ReturnType<typeof menuTemplate>[number];

const noop = { syncNow() {}, openDataFolder() {}, openLogFile() {} };
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((m) => [m, ...(Array.isArray(m.submenu) ? items(m.submenu) : [])]);
}

describe('application menu', () => {
  it('has Sync Now on Ctrl/Cmd+R and the usual edit shortcuts', () => {
    const all = items(
      menuTemplate({ appName: 'Screendesk Desktop', isMac: false, isDev: false, actions: noop }),
    );
    expect(all.find((i) => i.label === 'Sync Now')?.accelerator).toBe('CmdOrCtrl+R');
    const roles = all.map((i) => i.role);
    for (const role of [
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'zoomIn',
      'togglefullscreen',
      'quit',
    ]) {
      expect(roles).toContain(role);
    }
    expect(all.map((i) => i.label)).toEqual(expect.arrayContaining(['Open Data Folder', 'Open Log File']));
  });

  it('offers reload and developer tools only in development', () => {
    const prod = items(menuTemplate({ appName: 'S', isMac: false, isDev: false, actions: noop })).map(
      (i) => i.role,
    );
    expect(prod).not.toContain('reload');
    expect(prod).not.toContain('toggleDevTools');
    const dev = items(menuTemplate({ appName: 'S', isMac: false, isDev: true, actions: noop }));
    expect(dev.find((i) => i.role === 'reload')?.accelerator).toBe('CmdOrCtrl+Shift+R');
    expect(dev.map((i) => i.role)).toContain('toggleDevTools');
  });

  it('follows macOS conventions there (app menu first, Close instead of Quit in File)', () => {
    const mac = menuTemplate({ appName: 'Screendesk Desktop', isMac: true, isDev: false, actions: noop });
    expect(mac[0]?.label).toBe('Screendesk Desktop');
    expect(items(mac).filter((i) => i.role === 'quit')).toHaveLength(1);
  });
});

describe('Electron build of better-sqlite3', () => {
  it('is looked for in the packaged resources, or in the development folder, for this Electron version', () => {
    const dev = sqliteBindingCandidates({
      appRoot: '/src/app',
      resourcesPath: undefined,
      isPackaged: false,
      electronVersion: '45.5.0',
      platform: 'linux',
      arch: 'x64',
    });
    expect(dev).toEqual(['/src/app/.native/electron-45.5.0-linux-x64/better_sqlite3.node']);
    const packaged = sqliteBindingCandidates({
      appRoot: '/opt/app/resources/app.asar',
      resourcesPath: '/opt/app/resources',
      isPackaged: true,
      electronVersion: '45.5.0',
      platform: 'linux',
      arch: 'x64',
    });
    expect(packaged).toEqual(['/opt/app/resources/native/electron-45.5.0-linux-x64/better_sqlite3.node']);
  });
});
