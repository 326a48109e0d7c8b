// What a benchmark reports: tables, goals and notes, printed as they are made and saved for
// docs/performance.md (run.ts gathers the saved sections into the document, see doc.ts).
// A benchmark run alone (npx tsx bench/x.ts) only prints.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TableData {
  title: string;
  columns: string[];
  rows: string[][];
}

export interface Goal {
  /** The figure, in a user's words. */
  what: string;
  /** The goal from issue 13, point 4 ("≤ 10 ms"). */
  goal: string;
  /** What this run measured, or why it was not. */
  measured: string;
  /** Met, missed, or null when not measured. */
  met: boolean | null;
  /** Where it is missed: what bounds it, as measured (shown with a miss only). */
  bound?: string;
}

/** The run a section was measured in: run.ts stamps it, so a section kept from an earlier run names its own. */
export interface RunInfo {
  /** machineLine() of the run's machine, with the date the run started. */
  machine: string;
  quick: boolean;
  sizes: number[];
  runs: number;
}

export interface SectionData {
  id: string;
  /** Set by run.ts once the benchmark has run (a benchmark itself does not know the run). */
  run?: RunInfo;
  title: string;
  /** What the figures mean to a user, and how they are taken. */
  about: string[];
  tables: TableData[];
  goals: Goal[];
  notes: string[];
}

/** Where run.ts wants the sections of this run (unset: print only). */
export const REPORT_DIR_ENV = 'BENCH_REPORT_DIR';

function pad(text: string, width: number, left: boolean): string {
  const gap = ' '.repeat(Math.max(0, width - [...text].length));
  return left ? text + gap : gap + text;
}

/** A table as aligned text: the first column left, the others right (they are numbers). */
function tableText(t: TableData): string {
  const widths = t.columns.map((c, i) =>
    Math.max([...c].length, ...t.rows.map((r) => [...(r[i] ?? '')].length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, i === 0))
      .join('  ')
      .trimEnd();
  return [t.title, line(t.columns), ...t.rows.map(line)].join('\n');
}

export function verdict(met: boolean | null): string {
  return met === null ? 'NOT MEASURED' : met ? 'OK' : 'MISSED';
}

/** One benchmark's part of the report. */
export class BenchReport {
  readonly #data: SectionData;

  constructor(id: string, title: string, about: string[]) {
    this.#data = { id, title, about, tables: [], goals: [], notes: [] };
    console.log(`\n## ${title}\n`);
  }

  table(title: string, columns: string[], rows: string[][]): void {
    const t = { title, columns, rows };
    this.#data.tables.push(t);
    console.log(`${tableText(t)}\n`);
  }

  goal(g: Goal): void {
    this.#data.goals.push(g);
    console.log(`goal: ${g.what}: ${g.measured} (goal ${g.goal}) ${verdict(g.met)}`);
    if (g.met === false && g.bound) console.log(`  what bounds it: ${g.bound}`);
  }

  note(text: string): void {
    this.#data.notes.push(text);
    console.log(text);
  }

  /** Saves the section where run.ts asked for it. */
  save(): void {
    const dir = process.env[REPORT_DIR_ENV];
    if (dir) writeFileSync(join(dir, `${this.#data.id}.json`), JSON.stringify(this.#data, null, 2));
  }
}
