// Which cache belongs to which credentials. The id is derived from the API URL and the token so that a
// second token never opens another's cache, yet the token itself is never written anywhere: only a
// truncated SHA-256 of it, which cannot be turned back into the token.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DbError } from './errors';

// Versioned domain separation: changing how ids are derived must not silently reuse old folders.
const ACCOUNT_ID_DOMAIN = 'screendesk-desktop/account-id/v1';
const SAFE_ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Lower-cases scheme and host and drops a trailing slash, so equivalent spellings of a URL agree. */
export function normalizeApiUrl(apiUrl: string): string {
  const trimmed = apiUrl.trim();
  try {
    const u = new URL(trimmed);
    const path = u.pathname.replace(/\/+$/, '');
    return `${u.protocol}//${u.host}${path}${u.search}`;
  } catch {
    // Not a URL at all: still derive a stable id rather than fail; the API client reports the bad URL.
    return trimmed.replace(/\/+$/, '');
  }
}

/** A stable, non-secret folder name for the cache of (apiUrl, token): 20 hex digits of a SHA-256. */
export function accountIdFor(apiUrl: string, token: string): string {
  const h = createHash('sha256');
  h.update(ACCOUNT_ID_DOMAIN);
  h.update('\0');
  h.update(normalizeApiUrl(apiUrl));
  h.update('\0');
  h.update(token);
  return h.digest('hex').slice(0, 20);
}

/** Throws unless `accountId` is safe to use as a single folder name (no separators, no dots). */
export function assertValidAccountId(accountId: string): void {
  if (!SAFE_ACCOUNT_ID.test(accountId)) {
    throw new DbError('db_invalid_account', `"${accountId.slice(0, 80)}" is not a valid account id.`);
  }
}

/** The folder holding one account's cache. */
export function accountDir(dataDir: string, accountId: string): string {
  assertValidAccountId(accountId);
  return join(dataDir, 'accounts', accountId);
}

/** The SQLite file of one account's cache. */
export function accountDbPath(dataDir: string, accountId: string): string {
  return join(accountDir(dataDir, accountId), 'cache.sqlite');
}
