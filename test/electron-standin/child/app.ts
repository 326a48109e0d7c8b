// The stand-in `app`: the lifecycle (ready after the main script ran, before-quit → windows close →
// will-quit → quit → exit), paths (setPath refuses what Electron refuses), and the single-instance
// lock, held across processes in the data folder as Electron does, with 'second-instance' delivered to
// the first process.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type * as Electron from 'electron';
import { exitAfterFlush, preventable, record } from './link';
import { allWindows } from './windows';

const env = process.env;
const appPath = env['STANDIN_APP_PATH'] ?? process.cwd();
const pkg = JSON.parse(readFileSync(join(appPath, 'package.json'), 'utf8')) as {
  name?: string;
  productName?: string;
  version?: string;
};

function defaultAppData(): string {
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  if (process.platform === 'win32') return env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming');
  return env['XDG_CONFIG_HOME'] || join(homedir(), '.config');
}

class StandInApp extends EventEmitter {
  readonly isPackaged = env['STANDIN_PACKAGED'] === '1';
  #name = pkg.productName ?? pkg.name ?? 'Electron';
  #ready = false;
  #quitting = false;
  #exiting = false;
  #lockFile: string | null = null;
  readonly #paths = new Map<string, string>();
  readonly #whenReady: Promise<void>;

  constructor() {
    super();
    this.#whenReady = new Promise((resolve) => {
      // Electron is ready once the main script has run (and Chromium started): the next turn here.
      setImmediate(() => {
        this.#ready = true;
        record('app:ready');
        this.emit('will-finish-launching');
        this.emit('ready', preventable(), {});
        resolve();
      });
    });
  }

  whenReady(): Promise<void> {
    return this.#whenReady;
  }

  isReady(): boolean {
    return this.#ready;
  }

  getName(): string {
    return this.#name;
  }

  setName(name: string): void {
    this.#name = name;
    record('app:setName', { name });
  }

  getVersion(): string {
    return pkg.version ?? '0.0.0';
  }

  getAppPath(): string {
    return appPath;
  }

  getPath(name: string): string {
    const set = this.#paths.get(name);
    if (set !== undefined) return set;
    switch (name) {
      case 'appData':
        return defaultAppData();
      case 'userData':
        return join(this.getPath('appData'), this.#name);
      case 'logs':
        return join(this.getPath('userData'), 'logs');
      case 'sessionData':
        return this.getPath('userData');
      case 'home':
        return homedir();
      case 'temp':
        return tmpdir();
      case 'exe':
        return process.execPath;
      default:
        throw new Error(`Failed to get '${name}' path`);
    }
  }

  setPath(name: string, path: string): void {
    // Electron: a relative path is refused, and "If the path specifies a directory that does not
    // exist, an Error is thrown".
    if (!isAbsolute(path)) throw new Error(`Path must be absolute: ${path}`);
    if (!existsSync(path) || !statSync(path).isDirectory()) {
      throw new Error(`Failed to set path: ${path} does not exist`);
    }
    this.#paths.set(name, path);
    record('app:setPath', { name, path });
  }

  enableSandbox(): void {
    if (this.#ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    record('app:enableSandbox');
  }

  setAppUserModelId(id: string): void {
    record('app:setAppUserModelId', { id });
  }

  focus(): void {
    record('app:focus');
  }

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    const dir = this.getPath('userData');
    const lock = join(dir, 'SingletonLock');
    // Chromium's lock is a file and a socket in the data folder; Windows has named pipes instead.
    const socket =
      process.platform === 'win32'
        ? `\\\\.\\pipe\\standin-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`
        : join(dir, 'SingletonSocket');
    const holder = readLockHolder(lock);
    if (holder !== null && holder !== process.pid && isAlive(holder)) {
      tellFirstInstance(socket, {
        argv: process.argv,
        cwd: process.cwd(),
        additionalData: additionalData ?? {},
      });
      record('app:singleInstanceLock', { got: false, holder });
      return false;
    }
    rmSync(lock, { force: true });
    if (process.platform !== 'win32') rmSync(socket, { force: true });
    const fd = openSync(lock, 'wx', 0o600);
    writeSync(fd, String(process.pid));
    closeSync(fd);
    this.#lockFile = lock;
    createServer((conn) => {
      let text = '';
      conn.on('data', (chunk) => (text += String(chunk)));
      conn.on('end', () => {
        const {
          argv,
          cwd,
          additionalData: data,
        } = JSON.parse(text) as {
          argv: string[];
          cwd: string;
          additionalData: unknown;
        };
        record('app:second-instance', { argv });
        this.emit('second-instance', preventable(), argv, cwd, data);
        conn.end();
      });
    })
      .listen(socket)
      .unref();
    process.once('exit', () => this.releaseSingleInstanceLock());
    record('app:singleInstanceLock', { got: true });
    return true;
  }

  releaseSingleInstanceLock(): void {
    if (this.#lockFile === null) return;
    rmSync(this.#lockFile, { force: true });
    rmSync(join(dirname(this.#lockFile), 'SingletonSocket'), { force: true });
    this.#lockFile = null;
  }

  /** Electron's quit: before-quit (preventable), every window closed, will-quit, quit, exit. */
  quit(): void {
    if (this.#exiting) return;
    record('app:quit');
    const beforeQuit = preventable();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) {
      record('app:quit-prevented', { by: 'before-quit' });
      return;
    }
    this.#quitting = true;
    for (const win of allWindows()) win.close();
    if (allWindows().length > 0) {
      this.#quitting = false;
      record('app:quit-prevented', { by: 'window close' });
      return;
    }
    const willQuit = preventable();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.#quitting = false;
      record('app:quit-prevented', { by: 'will-quit' });
      return;
    }
    this.emit('quit', preventable(), 0);
    this.exit(0);
  }

  /** Exits at once: no events, windows gone (Electron's app.exit). */
  exit(code = 0): void {
    if (this.#exiting) return;
    this.#exiting = true;
    record('app:exit', { code });
    exitAfterFlush(code);
  }

  /** Called by a window when it closed: Electron quits when the last one goes, unless told otherwise. */
  lastWindowClosed(): void {
    if (this.#quitting) return;
    record('app:window-all-closed');
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
    else this.quit();
  }
}

function readLockHolder(lock: string): number | null {
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Hands this instance's arguments to the first one, synchronously, as Electron's lock does. */
function tellFirstInstance(socket: string, message: unknown): void {
  const script =
    "const c=require('node:net').connect(process.argv[1],()=>c.end(process.argv[2]));" +
    'c.on("data",()=>{});c.on("close",()=>process.exit(0));c.on("error",()=>process.exit(1));';
  try {
    execFileSync(process.execPath, ['-e', script, socket, JSON.stringify(message)], { timeout: 10_000 });
  } catch {
    // The first instance is going away: Electron's second instance just quits too.
  }
}

/** The stand-in app object. */
export const app = new StandInApp() as unknown as Electron.App & StandInApp;
