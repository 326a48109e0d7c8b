import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoServer } from '../../src/main/demo';
import type { DemoServer } from '../../src/main/demo';
import { runCli } from './run-cli';

/** A demo server, a data dir already synced by `sdesk sync`, and the environment pointing sdesk at them. */
export interface CliFixture {
  server: DemoServer;
  dataDir: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts the fixture; the sdesk bundle is built once up front so parallel runs do not each rebuild it. */
export async function syncedCliFixture(recordings: number): Promise<CliFixture> {
  execFileSync('bash', [resolve(import.meta.dirname, '../../scripts/build-cli.sh')]);
  const server = await startDemoServer({ recordings });
  const dataDir = mkdtempSync(join(tmpdir(), 'sdesk-cli-'));
  const env = {
    SCREENDESK_API_URL: server.url,
    SCREENDESK_DATA_DIR: dataDir,
    SCREENDESK_API_TOKEN: server.adminToken,
  };
  const synced = await runCli(['sync'], { env });
  if (synced.code !== 0) throw new Error(`sdesk sync failed: ${synced.stderr}`);
  return {
    server,
    dataDir,
    env,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
