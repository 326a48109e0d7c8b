// A fresh account cache in a temporary folder, filled the way a sync fills it: one page of the API
// (100 recordings) per call, with the write-ahead log checkpointed on another thread, as in a sync.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AccountDb } from '../../src/main/db';
import { openAccountDb, withBackgroundCheckpoints } from '../../src/main/db';
import type { Recording } from '../../src/shared/screendesk-api';

export const PAGE = 100; // the API's page size
export const BENCH_ACCOUNT = 'bench';

export interface Timing {
  wallMs: number;
  cpuMs: number;
}

export function cpuMs(c: NodeJS.CpuUsage): number {
  return (c.user + c.system) / 1000;
}

/** Stores `records` `batch` at a time, checkpointing on another thread as a sync does. */
export async function ingest(adb: AccountDb, records: readonly Recording[], batch = PAGE): Promise<Timing> {
  return withBackgroundCheckpoints(adb, async () => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < records.length; i += batch) {
      adb.recordings.upsertPage(records.slice(i, i + batch));
      await new Promise((r) => setImmediate(r)); // as between two pages of a sync
    }
    const c = process.cpuUsage(c0);
    return { wallMs: performance.now() - t0, cpuMs: cpuMs(c) };
  });
}

/** A new temporary data folder (the caller removes it with removeDataDir). */
export function tempDataDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `sdesk-bench-${label}-`));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs `fn` on a fresh cache in a temporary folder that is removed afterwards. */
export async function withCache<T>(fn: (adb: AccountDb, dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = tempDataDir('cache');
  const adb = openAccountDb({ dataDir, accountId: BENCH_ACCOUNT });
  try {
    return await fn(adb, dataDir);
  } finally {
    adb.close();
    removeDataDir(dataDir);
  }
}
