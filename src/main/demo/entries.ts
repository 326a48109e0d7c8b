// The data set is kept as light "entries" (seed, creation time, uuid, owner, edits) and each recording
// is rebuilt from its seed when served. That keeps 100,000 recordings at a few MB and generates them
// in a fraction of a second; a full recording (with console logs) exists only while it is being sent.
import { HELPDESK_PLATFORMS, RECORDING_TYPES, type RecordingUser } from '../../shared/screendesk-api';
import { deriveSeed, Rng } from './prng';
import { planRecording, type RecordingTraits } from './recording-factory';

const SPAN_MS = 548 * 86_400_000; // about 18 months
const MIN_AGE_MS = 90_000; // nothing recorded in the very last minute and a half

/** Values changed through PATCH or DemoData.update, laid over the generated recording. */
export interface DemoEdits {
  title?: string | null;
  summary?: string | null;
  description?: string | null;
  updatedMs: number;
}

export interface DemoEntry {
  /** Seed and stream of the recording's own random source. */
  readonly seed: number;
  readonly stream: number;
  readonly createdMs: number;
  readonly uuid: string;
  readonly user: RecordingUser;
  readonly traits: RecordingTraits | undefined;
  edits?: DemoEdits;
}

/** The seed of the random source generated recordings are built from. */
function generationSeed(seed: number): number {
  return deriveSeed(seed, 10);
}

/** Plans one entry; building it later replays the same random stream. */
export function planEntry(
  seed: number,
  stream: number,
  createdMs: number,
  traits?: RecordingTraits,
): DemoEntry {
  const plan = planRecording(new Rng(seed, stream), traits);
  return { seed, stream, createdMs, uuid: plan.uuid, user: plan.user, traits };
}

/** Forced traits for the newest recordings: each type × platform pair once, then the edge cases. */
function showcase(rng: Rng): RecordingTraits[] {
  const pairs: RecordingTraits[] = [];
  for (const platform of HELPDESK_PLATFORMS) {
    for (const type of RECORDING_TYPES) pairs.push({ type, platform });
  }
  // Fisher–Yates, so the top of the list doesn't look machine-made.
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [pairs[i], pairs[j]] = [pairs[j] as RecordingTraits, pairs[i] as RecordingTraits];
  }
  pairs.splice(2, 0, { type: 'Received', nasty: true, logSize: 'long' });
  pairs.splice(5, 0, { type: 'Received', noUser: true, logSize: 'medium' });
  pairs.splice(8, 0, { type: 'Received', logSize: 'long' });
  return pairs;
}

/** Ages (ms before now), ascending and strictly distinct, so "newest first" is a total order. */
function ages(rng: Rng, count: number): Float64Array {
  const out = new Float64Array(count);
  // The power skews creation times towards the present, as a growing account records more each month.
  for (let i = 0; i < count; i++) out[i] = MIN_AGE_MS + Math.floor(SPAN_MS * Math.pow(rng.next(), 1.4));
  out.sort();
  for (let i = 1; i < count; i++) {
    const prev = out[i - 1] ?? 0;
    if ((out[i] ?? 0) <= prev) out[i] = prev + 1;
  }
  return out;
}

/** `count` entries, newest first, created over the 18 months before `nowMs`. */
export function planEntries(count: number, seed: number, nowMs: number): DemoEntry[] {
  const rng = new Rng(deriveSeed(seed, 11));
  const traits = showcase(rng);
  const spread = ages(rng, count);
  const recordSeed = generationSeed(seed);
  const out = new Array<DemoEntry>(count);
  for (let i = 0; i < count; i++) out[i] = planEntry(recordSeed, i, nowMs - (spread[i] ?? 0), traits[i]);
  return out;
}
