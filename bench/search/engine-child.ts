// One search engine in a process of its own (started by search-bench.ts), so its memory and its start
// are its own: opens the cache (and, for MiniSearch, reads it and builds the index), answers the first
// query (the start-up cost), reads what the engine reads in the background while the app idles (ours:
// the rank columns), times every query of the set, then reports memory and the figures as one JSON line
// on stdout. Run with --expose-gc so the heap figure is what stays after a collection.
import { performance } from 'node:perf_hooks';
import { heapUsedMb, processMemory, type ProcessMemory } from '../lib/memory';
import { spread, type Spread } from '../lib/stats';
import type { EngineName, SearchEngine } from './engine';
import { openFtsEngine } from './fts-engine';
import { openLikeEngine } from './like-engine';
import { openMiniSearchEngine } from './minisearch-engine';
import type { BenchQuery } from './queries';

export interface ChildRequest {
  engine: EngineName;
  dataDir: string;
  queries: BenchQuery[];
  iterations: number;
}

export interface ChildResult {
  /** From opening the cache to the first query's answer (ms). */
  startMs: number;
  /** MiniSearch only: reading the cache, building the index (ms). */
  readMs: number | null;
  buildMs: number | null;
  /** What the engine then reads in the background (SearchEngine.settle), before the queries are timed (ms). */
  settleMs: number | null;
  memory: ProcessMemory | null;
  heapMb: number;
  perQuery: { total: number; spread: Spread }[];
}

const WARM_UP = 2;

function open(req: ChildRequest): { engine: SearchEngine; readMs: number | null; buildMs: number | null } {
  if (req.engine === 'minisearch') return openMiniSearchEngine(req.dataDir);
  const engine = req.engine === 'fts' ? openFtsEngine(req.dataDir) : openLikeEngine(req.dataDir);
  return { engine, readMs: null, buildMs: null };
}

async function main(): Promise<void> {
  const req = JSON.parse(process.argv[2] ?? '') as ChildRequest;
  const [first] = req.queries;
  if (!first) throw new Error('No queries');
  const t0 = performance.now();
  const { engine, readMs, buildMs } = open(req);
  engine.search(first);
  const startMs = performance.now() - t0;
  const settleMs = await engine.settle();
  const perQuery = req.queries.map((q) => {
    const samples: number[] = [];
    let total = 0;
    for (let i = 0; i < WARM_UP + req.iterations; i++) {
      const s = performance.now();
      total = engine.search(q);
      if (i >= WARM_UP) samples.push(performance.now() - s);
    }
    return { total, spread: spread(samples) };
  });
  const result: ChildResult = {
    startMs,
    readMs,
    buildMs,
    settleMs,
    memory: processMemory(),
    heapMb: heapUsedMb(),
    perQuery,
  };
  engine.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
