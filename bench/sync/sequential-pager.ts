// The plain alternative a sync is measured against: one page after another, each recording stored by
// an INSERT of its own (the cache's own upsert, one record per transaction, so it ends with the same
// searchable cache as a sync). No requests in flight while storing, no batching.
import type { AccountDb } from '../../src/main/db';

interface ListBody {
  records?: unknown[];
  pagination?: { pages?: number };
}

const ATTEMPTS = 3;

/**
 * GET with a retry when the connection fails (a server may close a kept-alive socket just as it is
 * reused): the least any client does, and what keeps the comparison about paging, not luck.
 */
async function fetchPage(url: string, token: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
    }
  }
}

/** Pulls every recording from `apiUrl` into `adb`; returns how many were stored. */
export async function sequentialPull(apiUrl: string, token: string, adb: AccountDb): Promise<number> {
  let stored = 0;
  for (let page = 1; ; page++) {
    const res = await fetchPage(`${apiUrl}/recordings?page=${page}`, token);
    if (!res.ok) throw new Error(`Page ${page}: HTTP ${res.status}`);
    const body = (await res.json()) as ListBody;
    const records = body.records ?? [];
    for (const record of records) {
      const r = adb.recordings.upsertPage([record]);
      stored += r.added + r.updated + r.unchanged;
    }
    if (records.length === 0 || page >= (body.pagination?.pages ?? 1)) return stored;
  }
}
