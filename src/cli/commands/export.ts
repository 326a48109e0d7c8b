import type { CliOptions } from '../args';
import type { CliContext } from '../context';
import { openSession } from '../context';
import { csvCells, csvLine, CSV_COLUMNS } from '../csv';
import { usage } from '../errors';
import { writeAll } from '../output';

/** `sdesk export [--format json|csv] [--out FILE]`: every cached recording. */
export async function exportCommand(ctx: CliContext, options: CliOptions): Promise<void> {
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw usage('--format must be json or csv');
  const session = await openSession(ctx);
  try {
    let count = 0;
    const records = function* (): Generator<Record<string, unknown>> {
      for (const r of session.allRecordings()) {
        count++;
        yield r;
      }
    };
    const chunks = format === 'csv' ? csvChunks(records()) : jsonChunks(records());
    await writeAll(options.out, chunks);
    ctx.say(`Exported ${count} recordings${options.out ? ` to ${options.out}` : ''}.`);
  } finally {
    session.close();
  }
}

/** A JSON array of the server's records, one per line, streamed. */
function* jsonChunks(records: Iterable<Record<string, unknown>>): Generator<string> {
  let first = true;
  yield '[';
  for (const r of records) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(r)}`;
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}

function* csvChunks(records: Iterable<Record<string, unknown>>): Generator<string> {
  yield `${csvLine(CSV_COLUMNS)}\r\n`;
  for (const r of records) yield `${csvLine(csvCells(r))}\r\n`;
}
