// Start-up (issue 13, point 3): from process start to the first page of results with the largest size
// cached, through the browser host (the app's service and renderer in Node) in Chromium, and the
// memory of that main process then: private memory apart from the mapped cache file. The cache is
// filled first as a user fills it, by signing in through the interface (the sync of a demo server in a
// process of its own); each run then starts the host anew on that data folder, with Chromium already
// running (the window's own start is not the app's), and waits for the rows of the list.
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_LAUNCH } from '../test/helpers/chromium';
import { benchSize } from './lib/args';
import { removeDataDir, tempDataDir } from './lib/cache';
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT, spawnTs, stopChild } from './lib/child';
import { startDemoProcess, type DemoProcess } from './lib/demo-process';
import { mbText, processMemory, type ProcessMemory } from './lib/memory';
import { BenchReport } from './lib/report';
import { count, median, ms } from './lib/stats';
import { bundleHost } from './startup/bundle';
import { ensureRenderer } from './startup/renderer';

const HOST = resolve(import.meta.dirname, 'startup/host.ts');
const FIRST_RESULTS_GOAL_MS = 1_000;
const size = benchSize();
const N = size.largest;

const report = new BenchReport('startup', 'Start-up with a full cache', [
  `From starting the app with ${count(N)} recordings cached to the first rows of the list: what a user ` +
    'waits for every morning. Measured through the browser host (the same service, threads and renderer ' +
    'as the app) in Chromium, its code bundled as the app bundles its own (the goal), and beside it run ' +
    'from the sources through tsx, which compiles them at every start; ' +
    "'serving' is when the host printed its URL, 'first rows' when the list showed its first rows.",
  'Memory of that main process once the rows show: RSS, and apart from it the private (anonymous) ' +
    'memory the process holds and the mapped cache file, which the OS drops when it needs the memory. ' +
    'The service and the reader are threads of that process (src/main/threads/): their memory is in ' +
    'those figures; each thread’s own V8 heap is shown apart.',
]);

/** The V8 heap in use of the host's thread and of the service's two threads (MB). */
interface Heaps {
  main: number;
  service: number | null;
  reader: number | null;
}

interface Host {
  url: string;
  pid: number;
  heaps(): Promise<Heaps>;
  stop(): Promise<void>;
}

/** How the host's code is loaded: bundled, as the app loads its own, or from the sources through tsx. */
interface Variant {
  name: string;
  spawn(args: string[], env: NodeJS.ProcessEnv): ChildProcess;
}

function variants(bundle: string): Variant[] {
  return [
    {
      name: 'bundled (as the app loads its code)',
      spawn: (args, env) =>
        spawn(process.execPath, [bundle, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] }),
    },
    { name: 'from the sources, through tsx', spawn: (args, env) => spawnTs(HOST, args, [], env) },
  ];
}

async function startHost(
  variant: Variant,
  dataDir: string,
  rendererDir: string,
  demo: DemoProcess,
): Promise<Host> {
  const env = { ...process.env, BENCH_API_URL: demo.url, BENCH_API_TOKEN: demo.adminToken };
  const child = variant.spawn([dataDir, rendererDir], env);
  if (!child.stdout || child.pid === undefined) throw new Error('The browser host did not start');
  const lines = createInterface({ input: child.stdout });
  const [line] = (await once(lines, 'line')) as [string];
  const { url } = JSON.parse(line) as { url: string };
  return {
    url,
    pid: child.pid,
    async heaps() {
      const next = once(lines, 'line');
      child.kill('SIGUSR2');
      const [answer] = (await next) as [string];
      return (JSON.parse(answer) as { heapsMb: Heaps }).heapsMb;
    },
    async stop() {
      await stopChild(child, 'SIGTERM');
    },
  };
}

/** Signs in through the interface and waits for the first sync to list every recording. */
async function fillCache(
  browser: Browser,
  variant: Variant,
  dataDir: string,
  rendererDir: string,
  demo: DemoProcess,
): Promise<void> {
  const host = await startHost(variant, dataDir, rendererDir, demo);
  const page = await browser.newPage();
  try {
    await page.goto(host.url);
    await page.getByLabel('API URL').fill(demo.url);
    await page.getByLabel('API token').fill(demo.adminToken);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const total = `${N.toLocaleString('en-US')} recordings`;
    await page.getByTestId('result-count').filter({ hasText: total }).waitFor({ timeout: 900_000 });
    await page.getByTestId('last-sync').filter({ hasText: 'Last synced' }).waitFor({ timeout: 120_000 });
  } finally {
    await page.close();
    await host.stop();
  }
}

interface Run {
  servingMs: number;
  firstRowsMs: number;
  memory: ProcessMemory | null;
  heaps: Heaps;
}

async function oneStart(
  browser: Browser,
  variant: Variant,
  dataDir: string,
  rendererDir: string,
  demo: DemoProcess,
): Promise<Run> {
  const page = await browser.newPage();
  const t0 = performance.now();
  const host = await startHost(variant, dataDir, rendererDir, demo);
  try {
    const servingMs = performance.now() - t0;
    await page.goto(host.url);
    const rows = page.getByRole('listbox', { name: /^Recordings/ }).getByRole('option');
    await rows.first().waitFor({ timeout: 120_000 });
    const firstRowsMs = performance.now() - t0;
    return { servingMs, firstRowsMs, memory: processMemory(host.pid), heaps: await host.heaps() };
  } finally {
    await page.close();
    await host.stop();
  }
}

async function main(): Promise<void> {
  const rendererDir = await ensureRenderer();
  const all = variants(await bundleHost());
  const demo = await startDemoProcess(N, 0);
  const dataDir = tempDataDir('startup');
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, headless: true });
  const runs = all.map(() => [] as Run[]);
  try {
    await fillCache(browser, all[0] as Variant, dataDir, rendererDir, demo);
    // Interleaved, so that both variants meet the same minutes of this shared machine.
    for (let run = 0; run < size.runs; run++) {
      for (const [i, v] of all.entries())
        runs[i]?.push(await oneStart(browser, v, dataDir, rendererDir, demo));
    }
  } finally {
    await browser.close();
    await demo.close();
    removeDataDir(dataDir);
  }
  const medOf =
    (rs: Run[]) =>
    (f: (r: Run) => number | undefined): number =>
      median(rs.map((r) => f(r) ?? NaN));
  const rows: string[][] = [];
  for (const [i, v] of all.entries()) {
    const med = medOf(runs[i] ?? []);
    rows.push(
      [v.name, 'process start to serving', `${ms(med((r) => r.servingMs))} ms`],
      [v.name, 'process start to the first rows of the list', `${ms(med((r) => r.firstRowsMs))} ms`],
      [
        v.name,
        'of it, serving to the first rows (page load, first search)',
        `${ms(med((r) => r.firstRowsMs - r.servingMs))} ms`,
      ],
    );
  }
  const med = medOf(runs[0] ?? []);
  const app = all[0]?.name ?? '';
  rows.push(
    [app, 'main process RSS', mbText(med((r) => r.memory?.rssMb))],
    [app, 'main process private (anonymous) memory', mbText(med((r) => r.memory?.privateMb))],
    [app, 'of the RSS, the mapped cache file', mbText(med((r) => r.memory?.cacheMappedMb))],
    [app, 'V8 heap in use: the IPC thread (it only relays)', mbText(med((r) => r.heaps.main))],
    [app, 'V8 heap in use: the service thread', mbText(med((r) => r.heaps.service ?? undefined))],
    [app, 'V8 heap in use: the reader thread', mbText(med((r) => r.heaps.reader ?? undefined))],
  );
  report.table(
    `start with ${count(N)} cached (median of ${size.runs} starts each, interleaved)`,
    ['host', 'what', 'measured'],
    rows,
  );
  const first = med((r) => r.firstRowsMs);
  report.goal({
    what: `first results after start, ${count(N)} cached`,
    goal: `≤ ${count(FIRST_RESULTS_GOAL_MS)} ms`,
    measured: `${ms(first)} ms, bundled${size.quick ? ' (10,000 only; the goal is about 100,000)' : ''}`,
    met: first <= FIRST_RESULTS_GOAL_MS,
    bound:
      `${ms(med((r) => r.servingMs))} ms of it pass before the host serves at all: Node starting, the ` +
      'bundles loaded (the host and both threads), the service opening the account; the page, the first ' +
      `search and the rows then take ${ms(med((r) => r.firstRowsMs - r.servingMs))} ms.`,
  });
  report.save();
}

await main();
