// The command line's promise for a server that accepts connections but never answers (a black hole: a
// captive portal, a dead proxy, a half-open tunnel): push and sync give up within about 30 seconds with
// exit 4, and the queue is left as it was. The bound is the requirement itself, so it is asserted (with
// slack for a loaded machine); push and sync run at the same time to keep the suite's runtime down.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer } from '../../src/main/demo';
import type { DemoServer } from '../../src/main/demo';
import { startOutboxProxy } from '../helpers/outbox-proxy';
import type { OutboxProxy } from '../helpers/outbox-proxy';
import { runCli } from '../helpers/run-cli';

const GIVE_UP_BOUND_MS = 30_000;
const SLACK_MS = 12_000;

let server: DemoServer;
let proxy: OutboxProxy;
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  execFileSync('bash', [resolve(import.meta.dirname, '../../scripts/build-cli.sh')]);
  server = await startDemoServer({ recordings: 30 });
  proxy = await startOutboxProxy(server.url);
  dataDir = mkdtempSync(join(tmpdir(), 'sdesk-outbox-hole-'));
  env = {
    SCREENDESK_API_URL: proxy.url,
    SCREENDESK_DATA_DIR: dataDir,
    SCREENDESK_API_TOKEN: server.adminToken,
  };
  expect((await runCli(['sync'], { env })).code).toBe(0);
});

afterAll(async () => {
  await proxy.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function timed(args: string[]): Promise<{ code: number | null; stderr: string; ms: number }> {
  const start = performance.now();
  const run = await runCli(args, { env, timeoutMs: 90_000 });
  return { code: run.code, stderr: run.stderr, ms: performance.now() - start };
}

describe('an unreachable server that never answers', () => {
  it(
    'push and sync exit 4 within about 30 seconds and leave the queue as it was',
    async () => {
      const uuid = server.data.list()[3]!.uuid as string;
      expect((await runCli(['edit', uuid, '--title', 'Into the void'], { env })).code).toBe(0);
      const before = (await runCli(['queue', '--json'], { env })).stdout;

      proxy.mode = 'hole';
      const [push, sync] = await Promise.all([timed(['push']), timed(['sync'])]);
      expect(proxy.swallowed).toBeGreaterThan(0);
      for (const [name, run] of [
        ['push', push],
        ['sync', sync],
      ] as const) {
        expect(run.code, `${name}: ${run.stderr}`).toBe(4);
        expect(run.stderr, name).toMatch(/did not answer/);
        expect(run.ms, name).toBeLessThan(GIVE_UP_BOUND_MS + SLACK_MS);
      }
      expect((await runCli(['queue', '--json'], { env })).stdout).toBe(before);

      // When the server answers again, the same edit goes out.
      proxy.mode = 'forward';
      expect((await runCli(['push'], { env })).code).toBe(0);
      expect(server.data.get(uuid)?.title).toBe('Into the void');
    },
    GIVE_UP_BOUND_MS + SLACK_MS + 30_000,
  );
});
