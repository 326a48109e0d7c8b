// The main window's size and position, remembered in <userData>/window-state.json. Plain Node (no
// electron import): the window module passes the displays' work areas in, so a window saved on a
// monitor that is gone comes back on one that is there.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isRecord, objectOf } from '../../shared/json-object';

/** A rectangle in screen coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered. */
export interface WindowState {
  bounds: Rect | null;
  maximized: boolean;
}

/** The size a first window gets. */
export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
/** The smallest window the layout works in. */
export const MIN_SIZE = { width: 720, height: 480 } as const;

const isRect = (v: unknown): v is Rect =>
  isRecord(v) && ['x', 'y', 'width', 'height'].every((k) => Number.isFinite(v[k]));

/** Reads the saved state; anything missing or malformed gives "no saved bounds". */
export function loadWindowState(path: string): WindowState {
  try {
    const raw = objectOf(JSON.parse(readFileSync(path, 'utf8')));
    return { bounds: isRect(raw['bounds']) ? raw['bounds'] : null, maximized: raw['maximized'] === true };
  } catch {
    return { bounds: null, maximized: false };
  }
}

/** Saves the state atomically. Errors are ignored: losing a window position must not stop a quit. */
export function saveWindowState(path: string, state: WindowState): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.tmp`, JSON.stringify(state));
    renameSync(`${path}.tmp`, path);
  } catch {
    // Nothing to do: the next start uses the default size.
  }
}

/**
 * The bounds to open with: the saved ones when enough of the window (its top strip, where it is
 * grabbed) is on a display that exists now, clamped to the minimum size; otherwise none (centered).
 */
export function restoredBounds(saved: Rect | null, workAreas: Rect[]): Rect | null {
  if (saved === null) return null;
  const width = Math.max(MIN_SIZE.width, Math.round(saved.width));
  const height = Math.max(MIN_SIZE.height, Math.round(saved.height));
  const grab: Rect = { x: saved.x, y: saved.y, width, height: 40 };
  const visible = workAreas.some(
    (area) => overlap(grab, area) >= Math.min(100 * 40, grab.width * grab.height),
  );
  return visible ? { x: Math.round(saved.x), y: Math.round(saved.y), width, height } : null;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
