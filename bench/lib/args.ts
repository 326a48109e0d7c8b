// The size of a run, shared by every benchmark: `npm run bench` measures 10,000 and 100,000
// recordings; `npm run bench -- --quick` only 10,000 (for a shared machine). Both repeat each
// measurement 3 times: a full run already takes about an hour on the 2-core build machine.
// run.ts passes the flag on to each benchmark it starts.

export interface BenchSize {
  quick: boolean;
  /** Cache sizes to measure, smallest first. */
  sizes: number[];
  /** The largest of them (the size the responsiveness and start-up figures are about). */
  largest: number;
  /** Repetitions of a whole measurement; tables show the median over them. */
  runs: number;
}

export const SMALL = 10_000;
const LARGE = 100_000;

/** The size this process was asked for (argv `--quick`; run.ts takes its own `--only` out first). */
export function benchSize(argv: readonly string[] = process.argv.slice(2)): BenchSize {
  const unknown = argv.filter((a) => a !== '--quick');
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown.join(' ')} (only --quick is understood)`);
  const quick = argv.includes('--quick');
  const sizes = quick ? [SMALL] : [SMALL, LARGE];
  return { quick, sizes, largest: sizes[sizes.length - 1] ?? SMALL, runs: 3 };
}
