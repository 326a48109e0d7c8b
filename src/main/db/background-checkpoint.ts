// WAL checkpoints on another thread while a sync writes. By default SQLite copies the write-ahead log
// back into the database file on the writing connection, in the middle of a commit, once the log passes
// 1,000 pages: on a large sync that stalled the writer for about a third of its time (copying, then
// waiting for the disk). During a sync a worker thread with its own connection checkpoints instead, on
// the other core; the writer's own checkpoints are pushed out to a safety limit, used only if the worker
// cannot keep up or cannot start. PASSIVE checkpoints never block the writer or readers.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { sqliteOptions } from './open';

/** How often the worker checkpoints. */
const EVERY_MS = 200;
/** The writer's own checkpoint threshold meanwhile, in bytes of log (SQLite counts pages). */
const SAFETY_BYTES = 256 * 1024 * 1024;
/** SQLite's default threshold, restored afterwards. */
const DEFAULT_PAGES = 1000;

// CommonJS, evaluated in the worker: no separate file to locate in every build (tests, CLI bundle, app).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.path, workerData.options);
db.pragma('busy_timeout = 100');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next time */ } };
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/** Where better-sqlite3 lives, for the worker to load the same build. */
function sqliteModulePath(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3');
}

/** Options of withBackgroundCheckpoints (tests replace the module to see the fallback). */
export interface BackgroundCheckpointOptions {
  modulePath?: string;
}

/**
 * Runs `fn` (which writes to the cache at `path` through `sqlite`) with checkpoints on a worker thread.
 * Anything going wrong with the worker only means checkpoints happen on the writer, as usual.
 */
export async function withBackgroundCheckpoints<T>(
  cache: { readonly path: string; readonly sqlite: Database },
  fn: () => Promise<T>,
  opts: BackgroundCheckpointOptions = {},
): Promise<T> {
  const restoreDefault = (): void => {
    if (cache.sqlite.open) cache.sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
  };
  let worker: Worker | null;
  let exited: Promise<unknown> = Promise.resolve();
  try {
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        path: cache.path,
        modulePath: opts.modulePath ?? sqliteModulePath(),
        options: sqliteOptions(),
        everyMs: EVERY_MS,
      },
    });
    exited = new Promise((resolve) => w.once('exit', resolve));
    // A worker that failed is just not checkpointing: the writer takes over again.
    w.on('error', restoreDefault);
    const pageSize = cache.sqlite.pragma('page_size', { simple: true }) as number;
    cache.sqlite.pragma(`wal_autocheckpoint = ${Math.ceil(SAFETY_BYTES / pageSize)}`);
    worker = w;
  } catch {
    worker = null;
  }
  try {
    return await fn();
  } finally {
    if (worker !== null) {
      worker.postMessage('stop');
      await exited;
      restoreDefault();
    }
  }
}
