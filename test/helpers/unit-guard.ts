// Setup file of the "unit" project (vitest.config.ts): a unit test is pure. One that opens a socket or a
// server, fetches, writes to the disk, opens SQLite, or starts a process or a worker fails, with a message
// that says what it did; such a test belongs in test/integration. Reading files stays allowed (fixtures,
// the OpenAPI document, the migrations' SQL).
//
// The node modules are patched through their CommonJS objects (the ESM namespaces are read-only), then
// syncBuiltinESMExports() makes `import { writeFileSync } from 'node:fs'` see the patched functions too.
// Only calls made from the project's own code count (test/ or src/, not node_modules): vitest's runner
// may write in this process for its own reasons.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, vi } from 'vitest';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '../..');
const THIS_FILE = resolve(import.meta.filename);

type AnyFunction = (...args: unknown[]) => unknown;
type Patchable = Record<string, unknown>;

const violations: string[] = [];

/** What the guard refused since the last call, emptied: for the test that shows the guard bites. */
export function takeViolations(): string[] {
  return violations.splice(0);
}

/** The file of one stack frame ("at f (/a/b.ts:1:2)", "at file:///C:/a/b.ts:1:2"), or undefined. */
function frameFile(frame: string): string | undefined {
  const location = /(?:\(|\s)((?:file:\/\/)?(?:[A-Za-z]:)?[\\/][^()]*?):\d+:\d+\)?$/.exec(frame)?.[1];
  if (location === undefined) return undefined;
  return location.startsWith('file:') ? fileURLToPath(location) : resolve(location);
}

/** Whether the current call comes from the project's code (a test or src/), not from a dependency. */
function fromProjectCode(): boolean {
  const nodeModules = resolve(ROOT, 'node_modules') + sep;
  return (new Error().stack ?? '')
    .split('\n')
    .slice(1)
    .map(frameFile)
    .some(
      (file) =>
        file !== undefined &&
        file !== THIS_FILE &&
        file.startsWith(ROOT + sep) &&
        !file.startsWith(nodeModules),
    );
}

/** Records and throws: a caught error still fails the test (see afterEach below). */
function refuse(what: string): never {
  const message =
    `A unit test must not ${what}. Unit tests are pure (no disk, no sockets, no processes): ` +
    'move this test to test/integration.';
  violations.push(message);
  throw new Error(message);
}

/**
 * Replaces target[name] by a function that refuses the call when `what` names a reason. Promise APIs
 * (`rejects`) reject instead of throwing, as they would for any other failure.
 */
function guard(
  target: Patchable,
  name: string,
  what: (args: unknown[]) => string | null,
  { rejects = false } = {},
): void {
  const original = target[name];
  if (typeof original !== 'function') return;
  const guarded = function (this: unknown, ...args: unknown[]): unknown {
    const refused = what(args);
    if (refused !== null && fromProjectCode()) {
      if (!rejects) refuse(refused);
      try {
        refuse(refused);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    // Constructors (Worker) are called with `new`.
    if (new.target !== undefined) return Reflect.construct(original as AnyFunction, args, new.target);
    return (original as AnyFunction).apply(this, args);
  };
  // Static members stay reachable, and instanceof keeps working.
  Object.setPrototypeOf(guarded, original as object);
  guarded.prototype = (original as { prototype: unknown }).prototype;
  target[name] = guarded;
}

/** open() flags that write: 'w', 'a', '+' in a string, or a numeric flag with a write or create bit. */
function writesFlags(flags: unknown, constants: Record<string, number>): boolean {
  if (typeof flags === 'string') return /[wa+]/.test(flags);
  if (typeof flags === 'number') {
    const writing = (constants['O_WRONLY'] ?? 0) | (constants['O_RDWR'] ?? 0) | (constants['O_CREAT'] ?? 0);
    return (flags & writing) !== 0;
  }
  return false;
}

const always =
  (what: string) =>
  (args: unknown[]): string =>
    `${what} (${String(args[0])})`;

function guardFileSystem(): void {
  const fs = require('node:fs') as Patchable & { constants: Record<string, number> };
  const writers = [
    'writeFile',
    'appendFile',
    'mkdir',
    'mkdtemp',
    'rm',
    'rmdir',
    'unlink',
    'rename',
    'copyFile',
    'cp',
    'symlink',
    'link',
    'truncate',
    'chmod',
    'utimes',
  ];
  for (const name of writers) {
    guard(fs, name, always(`write to the disk: fs.${name}`));
    guard(fs, `${name}Sync`, always(`write to the disk: fs.${name}Sync`));
    guard(fs['promises'] as Patchable, name, always(`write to the disk: fs.promises.${name}`), {
      rejects: true,
    });
  }
  guard(fs, 'createWriteStream', always('write to the disk: fs.createWriteStream'));
  const openWhat = (api: string) => (args: unknown[]) =>
    writesFlags(args[1], fs.constants)
      ? `write to the disk: ${api} (${String(args[0])}, "${String(args[1])}")`
      : null;
  guard(fs, 'open', openWhat('fs.open'));
  guard(fs, 'openSync', openWhat('fs.openSync'));
  guard(fs['promises'] as Patchable, 'open', openWhat('fs.promises.open'), { rejects: true });
}

function guardNetwork(): void {
  const net = require('node:net') as Patchable & {
    Server: { prototype: Patchable };
    Socket: { prototype: Patchable };
  };
  guard(net.Server.prototype, 'listen', () => 'open a server (net.Server.listen)');
  guard(net.Socket.prototype, 'connect', () => 'open a socket (net.Socket.connect)');
  guard(net, 'connect', () => 'open a socket (net.connect)');
  guard(net, 'createConnection', () => 'open a socket (net.createConnection)');
  guard(require('node:tls') as Patchable, 'connect', () => 'open a socket (tls.connect)');
  guard(require('node:dgram') as Patchable, 'createSocket', () => 'open a socket (dgram.createSocket)');
  guard(globalThis as unknown as Patchable, 'fetch', always('fetch over the network'), { rejects: true });
}

function guardProcesses(): void {
  const childProcess = require('node:child_process') as Patchable;
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
    guard(childProcess, name, always(`start a process: child_process.${name}`));
  }
  guard(require('node:worker_threads') as Patchable, 'Worker', always('start a worker thread'));
}

const INSTALLED = Symbol.for('sdesk.unitGuard');
const state = globalThis as { [INSTALLED]?: true };
if (state[INSTALLED] !== true) {
  state[INSTALLED] = true;
  guardFileSystem();
  guardNetwork();
  guardProcesses();
  syncBuiltinESMExports();
}

// SQLite is a native module: no fs call to catch. Any connection, even in memory, is "real SQLite",
// which the integration tests own.
vi.mock('better-sqlite3', async (importOriginal) => {
  const real = ((await importOriginal()) as { default: new (...args: unknown[]) => object }).default;
  function GuardedDatabase(this: unknown, ...args: unknown[]): object {
    if (fromProjectCode()) refuse(`open SQLite (${String(args[0] ?? ':memory:')})`);
    return new real(...args);
  }
  Object.setPrototypeOf(GuardedDatabase, real);
  GuardedDatabase.prototype = real.prototype;
  return { default: GuardedDatabase };
});

afterEach(() => {
  const refused = takeViolations();
  if (refused.length > 0) throw new Error(refused.join('\n'));
});
