import { generateRecordings } from '../src/main/demo';
import { ingest, withCache } from './lib/cache';
const recs = generateRecordings(10000);
await withCache(async (adb) => {
  const t = await ingest(adb, recs);
  console.log(
    'ingest',
    Math.round(10000 / (t.wallMs / 1000)),
    '/s wall',
    Math.round(10000 / (t.cpuMs / 1000)),
    '/s cpu',
  );
});
