// The demo Screendesk server in a process of its own (`sdesk demo`), as a real server would be: its
// work (building JSON, the simulated latency's timers) must not be billed to the client measured.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { stopChild } from './child';

export const SDESK = resolve(import.meta.dirname, '../../bin/sdesk');

export interface DemoProcess {
  url: string;
  adminToken: string;
  close(): Promise<void>;
}

/** Starts `sdesk demo` with `recordings` recordings answering each request after `latencyMs`. */
export async function startDemoProcess(recordings: number, latencyMs: number): Promise<DemoProcess> {
  const server = spawn(
    SDESK,
    ['demo', '--json', '--recordings', String(recordings), '--latency', String(latencyMs)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Its chatter ("Serving until Ctrl+C.") stays out of the figures; it is shown if it fails to start.
  let errors = '';
  server.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const lines = createInterface({ input: server.stdout });
  const first = await Promise.race([
    once(lines, 'line') as Promise<[string]>,
    once(server, 'exit').then(([code]) => {
      throw new Error(`sdesk demo exited with ${String(code)} before serving: ${errors.trim()}`);
    }),
  ]);
  const demo = JSON.parse(first[0]) as { url: string; adminToken: string };
  return {
    url: demo.url,
    adminToken: demo.adminToken,
    async close() {
      await stopChild(server, 'SIGINT');
    },
  };
}
