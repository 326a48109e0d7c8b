import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Streams text chunks to a file or to stdout with backpressure, so a 100,000-recording export stays
 * small in memory; a write error (full disk, bad path) rejects.
 */
export async function writeAll(path: string | undefined, chunks: Iterable<string>): Promise<void> {
  const source = Readable.from(chunks);
  if (path === undefined) await pipeline(source, process.stdout, { end: false });
  else await pipeline(source, createWriteStream(path));
}
