// The browser host as the start-up benchmark launches it (startup-bench.ts): the app's service and
// renderer on 127.0.0.1, the data folder given, and the token of the account to restore in a memory
// store (a keychain holds it in the app; this machine may have none). Prints {"url"} once it serves,
// and {"heapsMb"} (the V8 heap in use of this thread and of each of the service's threads) on SIGUSR2.
//   node --import tsx bench/startup/host.ts DATA_DIR RENDERER_DIR   (BENCH_API_URL, BENCH_API_TOKEN)
// or bundled (bundle.ts): node out/bench-host/host.mjs …, which starts the bundled thread entries beside it.
import { join } from 'node:path';
import { normalizeBaseUrl } from '../../src/main/api';
import { startBrowserHost } from '../../src/main/browser-host';
import { createFileLogger } from '../../src/main/log/logger';
import { MemorySecretStore } from '../../src/main/secrets';

const [dataDir, rendererDir] = process.argv.slice(2);
const apiUrl = process.env['BENCH_API_URL'];
const token = process.env['BENCH_API_TOKEN'];
if (!dataDir || !rendererDir || !apiUrl || !token) {
  throw new Error('Usage: host.ts DATA_DIR RENDERER_DIR, with BENCH_API_URL and BENCH_API_TOKEN set');
}
const secrets = new MemorySecretStore();
await secrets.set(normalizeBaseUrl(apiUrl), token);
// Bundled, the thread entries are the files next to this one; from the sources, tsx compiles them.
const bundled = import.meta.url.endsWith('.mjs');
const host = await startBrowserHost({
  dataDir,
  rendererDir,
  ...(bundled
    ? {
        entries: {
          service: new URL('./service-thread.mjs', import.meta.url),
          reader: new URL('./reader-thread.mjs', import.meta.url),
        },
      }
    : {}),
  secrets,
  log: createFileLogger({ path: join(dataDir, 'logs', 'web.log'), echo: false }),
});
process.stdout.write(`${JSON.stringify({ url: host.url })}\n`);
process.on('SIGUSR2', () => {
  const mb = (bytes: number): number => bytes / 1024 / 1024;
  const { service, reader } = host.service.threads();
  void Promise.all([service?.getHeapStatistics(), reader?.getHeapStatistics()]).then(([s, r]) => {
    const heapsMb = {
      main: mb(process.memoryUsage().heapUsed),
      service: s ? mb(s.used_heap_size) : null,
      reader: r ? mb(r.used_heap_size) : null,
    };
    process.stdout.write(`${JSON.stringify({ heapsMb })}\n`);
  });
});
const stop = async (): Promise<void> => {
  await host.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
