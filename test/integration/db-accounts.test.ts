import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  accountDir,
  accountIdFor,
  deleteAccountCache,
  listAccounts,
  openAccountDb,
  registerAccount,
} from '../../src/main/db';
import { searchRecordings } from '../../src/main/search';
import { recording } from '../helpers/db-fixtures';
import { tempDataDir } from '../helpers/db-temp';

const API = 'https://screendesk.example/api/v2';
const TOKEN_A = 'sdtok_AAAA_1f2e3d4c5b6a79880a1b2c3d4e5f6a7b';
const TOKEN_B = 'sdtok_BBBB_9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('accounts', () => {
  it('keeps two accounts in one data dir apart: recordings, searches and queued edits', () => {
    const dataDir = tempDataDir();
    const a = openAccountDb({ dataDir, accountId: accountIdFor(API, TOKEN_A) });
    const b = openAccountDb({ dataDir, accountId: accountIdFor(API, TOKEN_B) });
    a.recordings.upsertPage([recording({ uuid: 'only-a', title: 'Secret merger call' })]);
    b.recordings.upsertPage([recording({ uuid: 'only-b', title: 'Routine call' })]);
    a.sqlite
      .prepare(
        "INSERT INTO outbox (uuid, fields, base_values, status, created_at, updated_at) VALUES ('only-a', '{}', '{}', 'pending', 1, 1)",
      )
      .run();

    expect(a.path).not.toBe(b.path);
    expect(b.recordings.get('only-a')).toBeUndefined();
    expect(b.recordings.allUuids()).toEqual(['only-b']);
    expect(searchRecordings(b, { query: 'merger' }).total).toBe(0);
    expect(searchRecordings(b, { query: 'is:edited' }).total).toBe(0);
    expect(searchRecordings(a, { query: 'is:edited' }).results.map((r) => r.uuid)).toEqual(['only-a']);
    a.close();
    b.close();
  });

  it('writes nothing of the token to disk', () => {
    const dataDir = tempDataDir();
    const adb = openAccountDb({ dataDir, accountId: accountIdFor(API, TOKEN_A) });
    registerAccount(adb, { apiUrl: API, label: 'Acme' });
    adb.recordings.upsertPage([recording({ uuid: 't1', title: 'Anything' })]);
    adb.meta.set('last_sync_completed_at', Date.now());
    adb.close();

    const files = filesUnder(dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(TOKEN_A)), file).toBe(false);
      expect(bytes.includes(Buffer.from(TOKEN_A, 'utf16le')), file).toBe(false);
      expect(bytes.includes(Buffer.from(TOKEN_A.slice(11))), file).toBe(false); // the secret part alone
    }
  });

  it('lists the caches with their description, and deletes one whole', () => {
    const dataDir = tempDataDir();
    const idA = accountIdFor(API, TOKEN_A);
    const idB = accountIdFor('https://other.example/api/v2', TOKEN_B);
    const a = openAccountDb({ dataDir, accountId: idA });
    registerAccount(a, { apiUrl: API, label: 'Acme' });
    a.meta.set('last_sync_completed_at', 1234);
    a.close();
    openAccountDb({ dataDir, accountId: idB }).close();

    const list = listAccounts(dataDir).sort((x, y) => x.accountId.localeCompare(y.accountId));
    expect(list).toEqual(
      [
        { accountId: idA, apiUrl: API, label: 'Acme', lastSyncCompletedAt: 1234, readable: true },
        {
          accountId: idB,
          apiUrl: undefined,
          label: undefined,
          lastSyncCompletedAt: undefined,
          readable: true,
        },
      ].sort((x, y) => x.accountId.localeCompare(y.accountId)),
    );

    deleteAccountCache(dataDir, idA);
    expect(() => statSync(accountDir(dataDir, idA))).toThrow();
    expect(listAccounts(dataDir).map((s) => s.accountId)).toEqual([idB]);
  });

  it('lists nothing for a data dir without caches', () => {
    expect(listAccounts(tempDataDir())).toEqual([]);
  });
});
