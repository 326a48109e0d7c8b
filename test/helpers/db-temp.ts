// Temporary data dirs for tests that open real SQLite files. Every dir is removed after its test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { AccountDb } from '../../src/main/db';
import { openAccountDb } from '../../src/main/db';

const dirs: string[] = [];
const open: AccountDb[] = [];

afterAll(() => {
  for (const adb of open) adb.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A fresh empty directory, deleted when the test file ends. */
export function tempDataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sdesk-db-test-'));
  dirs.push(d);
  return d;
}

/** A freshly migrated account cache in its own temp dir, closed when the test file ends. */
export function freshAccountDb(accountId = 'test-account'): AccountDb {
  const adb = openAccountDb({ dataDir: tempDataDir(), accountId });
  open.push(adb);
  return adb;
}
