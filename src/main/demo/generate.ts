// A one-call way to get the demo recordings without a server, e.g. to seed a database in benchmarks.
import type { Recording } from '../../shared/screendesk-api';
import { DemoDataStore } from './data-store';

export interface GenerateOptions {
  seed?: number;
  now?: Date;
}

/** `count` recordings, newest first; the same seed and now always give the same recordings. */
export function generateRecordings(count: number, opts: GenerateOptions = {}): Recording[] {
  return new DemoDataStore({ recordings: count, seed: opts.seed, now: opts.now }).list();
}
