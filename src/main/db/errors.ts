// Errors the store raises on purpose. The code is what the UI branches on; the message is for a person.
import { CodedError, type Reported } from '../../shared/coded-error';

/** What went wrong when opening or migrating an account's cache. */
export type DbErrorCode =
  | 'db_too_new' // written by a newer version of the app: refused, left untouched
  | 'db_corrupt' // not a SQLite database, or damaged
  | 'db_migration_failed' // a migration of ours failed; the transaction was rolled back
  | 'db_open_failed' // the file could not be opened (permissions, disk, locked…)
  | 'db_invalid_account'; // an account id that is not a safe folder name

/** A store failure with a stable code the UI can act on. */
export class DbError extends CodedError<DbErrorCode> {
  override readonly name = 'DbError';

  /** The UI knows one store failure (the message says which); logged, as the file may need a look. */
  get reported(): Reported {
    return { uiCode: 'db', logged: { level: 'error', what: 'local database error' } };
  }
}
