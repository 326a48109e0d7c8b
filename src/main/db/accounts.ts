// The account registry: which caches exist under a data dir and what they belong to. Each cache describes
// itself in its own `meta` table (api url, label, sync times), so there is no second file to keep in step
// and deleting an account's folder removes every trace of it. Nothing secret is stored: see account-id.ts.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { accountDbPath, accountDir } from './account-id';
import { META_KEYS } from './meta-repo';
import type { AccountDb } from './open';
import { sqliteOptions } from './open';
import type { meta } from './schema';

/** One cache found under the data dir, as far as it could be read without modifying it. */
export interface AccountSummary {
  accountId: string;
  apiUrl?: string;
  label?: string;
  lastSyncCompletedAt?: number;
  /** False when the cache could not be read (damaged, or its meta table is missing). */
  readable: boolean;
}

/** Records the non-secret description of the account in its cache. */
export function registerAccount(adb: AccountDb, info: { apiUrl: string; label?: string }): void {
  adb.meta.set(META_KEYS.apiUrl, info.apiUrl);
  if (info.label !== undefined) adb.meta.set(META_KEYS.label, info.label);
}

function readSummary(accountId: string, path: string): AccountSummary {
  let sqlite: Database.Database | undefined;
  try {
    // Read-only and unmigrated: listing must work (and change nothing) even for a cache from a newer build.
    sqlite = new Database(path, sqliteOptions({ readonly: true, fileMustExist: true }));
    const rows = sqlite
      .prepare('SELECT key, value FROM meta WHERE key IN (?, ?, ?)')
      .all(META_KEYS.apiUrl, META_KEYS.label, META_KEYS.lastSyncCompletedAt) as (typeof meta.$inferSelect)[];
    const m = new Map(rows.map((r) => [r.key, r.value]));
    const last = Number(m.get(META_KEYS.lastSyncCompletedAt));
    return {
      accountId,
      apiUrl: m.get(META_KEYS.apiUrl),
      label: m.get(META_KEYS.label),
      lastSyncCompletedAt: Number.isFinite(last) && m.has(META_KEYS.lastSyncCompletedAt) ? last : undefined,
      readable: true,
    };
  } catch {
    return { accountId, readable: false };
  } finally {
    sqlite?.close();
  }
}

/** Every account cache under `dataDir`. */
export function listAccounts(dataDir: string): AccountSummary[] {
  const root = join(dataDir, 'accounts');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[A-Za-z0-9_-]{1,64}$/.test(d.name))
    .filter((d) => existsSync(accountDbPath(dataDir, d.name)))
    .map((d) => readSummary(d.name, accountDbPath(dataDir, d.name)));
}

/** Deletes an account's whole cache folder (close its AccountDb first). */
export function deleteAccountCache(dataDir: string, accountId: string): void {
  rmSync(accountDir(dataDir, accountId), { recursive: true, force: true });
}
