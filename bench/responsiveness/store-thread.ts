// A thread that stores demo recordings into a cache as a sync does (several pages per transaction,
// checkpoints on another thread), with no network and no service: the writer of the responsiveness
// benchmark's bound, beside which searches run on a read-only connection.
//   new Worker(this file, { workerData: { dataDir, accountId, count }, execArgv: ['--import', 'tsx'] })
import { workerData } from 'node:worker_threads';
import { openAccountDb } from '../../src/main/db';
import { generateRecordings } from '../../src/main/demo';
import { ingest, PAGE } from '../lib/cache';

const { dataDir, accountId, count } = workerData as { dataDir: string; accountId: string; count: number };
// The sync's page writer stores at least 4 pages per transaction (src/main/sync/page-writer.ts).
const SYNC_BATCH = 4 * PAGE;
const db = openAccountDb({ dataDir, accountId });
try {
  await ingest(db, generateRecordings(count), SYNC_BATCH);
} finally {
  db.close();
}
