// Shared by the kill -9 tests: the environment a `sdesk` child process runs with, and the integrity check
// of the file it leaves behind.
import Database from 'better-sqlite3';

/** The environment of a `sdesk` child pointed at `server` and `dataDir` (PATH and HOME only besides). */
export function sdeskChildEnv(
  server: { readonly url: string; readonly adminToken: string },
  dataDir: string,
): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '',
    SCREENDESK_API_URL: server.url,
    SCREENDESK_DATA_DIR: dataDir,
    SCREENDESK_API_TOKEN: server.adminToken,
  };
}

/**
 * PRAGMA integrity_check of the file as a newly started app would open it. A fresh connection, because in
 * a long-lived one (SQLite 3.53) the FTS5 part of the pragma can read a stale cached index structure after
 * another process wrote the index and report "fts5: corruption found" although the file is sound (a fresh
 * connection, and FTS5's own 'integrity-check' command, find nothing, and queries return the same rows).
 */
export function integrityOfFile(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}
