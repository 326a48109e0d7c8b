// The live, mutable data set behind the demo server. Recordings handed out are fresh copies built
// from their entry: change the data through add/remove/update, not by mutating a returned object.
import type { EditableField } from '../../shared/edit-rules';
import { EDITABLE_FIELDS } from '../../shared/edit-rules';
import type { Recording } from '../../shared/screendesk-api';
import { DemoClock } from './clock';
import { ConsoleLogSource } from './console-logs';
import { DEMO_DEFAULT_NOW, DEMO_DEFAULT_RECORDINGS, DEMO_DEFAULT_SEED } from './constants';
import { planEntries, planEntry, type DemoEdits, type DemoEntry } from './entries';
import { isoTime } from './iso-time';
import { deriveSeed, Rng } from './prng';
import { buildRecording, planRecording, type FactoryContext } from './recording-factory';
import type { DemoData } from './types';

export interface DemoDataOptions {
  recordings?: number;
  seed?: number;
  now?: Date;
}

/** The demo data set: deterministic per seed, mutable at run time. */
export class DemoDataStore implements DemoData {
  /** The server's clock: PATCHes stamp updated_at from it. */
  readonly clock: DemoClock;
  private entries: DemoEntry[];
  private readonly byUuid = new Map<string, DemoEntry>();
  private readonly ctx: FactoryContext;
  private readonly addRng: Rng;
  private readonly addSeed: number;
  private added = 0;
  // Member views are cached per data version: a member's walk of 1,000 pages must not filter
  // 100,000 entries 1,000 times.
  private version = 0;
  private ownerView: { email: string; version: number; entries: DemoEntry[] } | undefined;

  constructor(opts: DemoDataOptions = {}) {
    const seed = opts.seed ?? DEMO_DEFAULT_SEED;
    const nowMs = (opts.now ?? DEMO_DEFAULT_NOW).getTime();
    this.clock = new DemoClock(nowMs);
    this.ctx = { nowMs, logs: new ConsoleLogSource(deriveSeed(seed, 12)) };
    this.addRng = new Rng(deriveSeed(seed, 13));
    this.addSeed = deriveSeed(seed, 14);
    this.entries = planEntries(
      Math.max(0, Math.floor(opts.recordings ?? DEMO_DEFAULT_RECORDINGS)),
      seed,
      nowMs,
    );
    for (const e of this.entries) this.byUuid.set(e.uuid, e);
  }

  list(): Recording[] {
    return this.entries.map((e) => this.build(e));
  }

  get(uuid: string): Recording | undefined {
    const entry = this.byUuid.get(uuid);
    return entry && this.build(entry);
  }

  size(): number {
    return this.entries.length;
  }

  /** Every uuid, newest first, without building the recordings (fast for large data sets). */
  uuids(): string[] {
    return this.entries.map((e) => e.uuid);
  }

  add(count = 1): Recording[] {
    const fresh: DemoEntry[] = [];
    let createdMs = this.entries[0]?.createdMs ?? this.ctx.nowMs;
    for (let i = 0; i < count; i++) {
      // A few seconds to minutes apart, each newer than everything before it.
      createdMs += this.addRng.range(1_000, 300_000);
      fresh.unshift(planEntry(this.addSeed, this.added++, createdMs));
    }
    for (const e of fresh) this.byUuid.set(e.uuid, e);
    this.entries = [...fresh, ...this.entries];
    this.version++;
    return fresh.map((e) => this.build(e));
  }

  remove(uuid: string): boolean {
    const entry = this.byUuid.get(uuid);
    if (!entry) return false;
    this.byUuid.delete(uuid);
    this.entries.splice(this.entries.indexOf(entry), 1);
    this.version++;
    return true;
  }

  update(uuid: string, fields: Partial<Pick<Recording, EditableField>>): Recording | undefined {
    const entry = this.byUuid.get(uuid);
    if (!entry) return undefined;
    const current = this.build(entry);
    const changes: Partial<Record<EditableField, string | null>> = {};
    for (const key of EDITABLE_FIELDS) {
      const value = fields[key];
      if (value !== undefined && value !== current[key]) changes[key] = value;
    }
    // Like ActiveRecord: saving unchanged values is a no-op and leaves updated_at alone.
    if (Object.keys(changes).length === 0) return current;
    const previous = Date.parse(current.metadata?.updated_at ?? '') || entry.createdMs;
    const edits: DemoEdits = { ...entry.edits, ...changes, updatedMs: this.clock.tick(previous) };
    entry.edits = edits;
    return this.build(entry);
  }

  /** The entry behind a uuid, without building the recording. */
  findEntry(uuid: string): DemoEntry | undefined {
    return this.byUuid.get(uuid);
  }

  /** Entries visible to a viewer, newest first: all of them, or only those owned by `ownerEmail`. */
  visibleEntries(ownerEmail?: string): readonly DemoEntry[] {
    if (ownerEmail === undefined) return this.entries;
    const view = this.ownerView;
    if (view && view.email === ownerEmail && view.version === this.version) return view.entries;
    const entries = this.entries.filter((e) => e.user?.email === ownerEmail);
    this.ownerView = { email: ownerEmail, version: this.version, entries };
    return entries;
  }

  /** The full recording of an entry, with its edits applied. */
  build(entry: DemoEntry): Recording {
    const rng = new Rng(entry.seed, entry.stream);
    const plan = planRecording(rng, entry.traits);
    const rec = buildRecording(rng, plan, entry.createdMs, this.ctx, entry.traits);
    const edits = entry.edits;
    if (edits) {
      for (const key of EDITABLE_FIELDS) if (key in edits) rec[key] = edits[key] ?? null;
      if (rec.metadata) rec.metadata.updated_at = isoTime(edits.updatedMs);
    }
    return rec;
  }
}
