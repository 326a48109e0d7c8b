// Errors the store raises on purpose. The code is what the UI branches on; the message is for a person.

/** What went wrong when opening or migrating an account's cache. */
export type DbErrorCode =
  | 'db_too_new' // written by a newer version of the app: refused, left untouched
  | 'db_corrupt' // not a SQLite database, or damaged
  | 'db_migration_failed' // a migration of ours failed; the transaction was rolled back
  | 'db_open_failed' // the file could not be opened (permissions, disk, locked…)
  | 'db_invalid_account'; // an account id that is not a safe folder name

/** A store failure with a stable code the UI can act on. */
export class DbError extends Error {
  override readonly name = 'DbError';

  constructor(
    readonly code: DbErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `e` is a DbError (with the given code, if one is passed). */
export function isDbError(e: unknown, code?: DbErrorCode): e is DbError {
  return e instanceof DbError && (code === undefined || e.code === code);
}
