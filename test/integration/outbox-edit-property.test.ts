// The edit invariant of issue 11, as a property: seeded random sequences of a colleague changing fields on
// the server, background syncs of the recording, the user opening the editor (at whatever version the
// cache holds), saving some fields (built by the renderer's own editRequest), sdesk-style edits, pushes
// that sometimes meet a 503, and decisions on conflicts. Real demo server over HTTP, real SQLite.
//
// Invariants:
// - nothing is ever written over a server value the user did not see: every PATCH of a field finds on the
//   server the value sent, one of the user's own earlier writes, or a value the user was shown (in the
//   editor when it opened, by `show` before an sdesk edit, or as "theirs" in a conflict they kept mine on);
// - no edit is lost: every value the user saved and did not take back (set back, take theirs, discard)
//   is on the server once its edit is done, and after a final round of pushes nothing is left queued.
//
// A failure names the seed: PROPERTY_SEED=<seed> reruns that one case; PROPERTY_RUNS sets how many.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScreendeskClient } from '../../src/main/api';
import type { AccountDb } from '../../src/main/db';
import { Rng } from '../../src/main/demo/prng';
import type { EditableField } from '../../src/shared/edit-rules';
import { EDITABLE_FIELDS } from '../../src/shared/edit-rules';
import type { AccountSession } from '../../src/main/session';
import type { EditCurrent } from '../../src/renderer/src/logic/validate';
import { draftFrom, editRequest } from '../../src/renderer/src/logic/validate';
import { onServer, tunedSession } from '../helpers/outbox-fixture';
import { openCacheOf } from '../helpers/session-cache';
import { syncFixture } from '../helpers/sync-fixture';
import type { SyncFixture } from '../helpers/sync-fixture';

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 300);
const ONLY_SEED =
  process.env['PROPERTY_SEED'] === undefined ? undefined : Number(process.env['PROPERTY_SEED']);
const STEPS = 20;

let fx: SyncFixture;
let session: AccountSession;
/** The session's cache on a connection of the test's own, and a client of its own: a background sync. */
let cache: AccountDb;
let client: ScreendeskClient;
let uuids: string[];
/** The run in progress: its checker sees every PATCH just before the demo server applies it. */
let current: Run | undefined;

beforeAll(async () => {
  fx = await syncFixture({ recordings: Math.min(RUNS, 400) });
  const watched: typeof fetch = async (input, init) => {
    if (init?.method === 'PATCH' && typeof init.body === 'string')
      current?.checkPatch(String(input), init.body);
    return fetch(input, init);
  };
  session = tunedSession(fx, { fetch: watched, maxAttempts: 1 });
  await session.sync();
  cache = openCacheOf(session);
  client = new ScreendeskClient({ baseUrl: fx.server.url, token: fx.server.adminToken });
  uuids = cache.recordings.allUuids();
});

afterAll(async () => {
  cache.close();
  session.close();
  await fx.close();
});

function text(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** One seeded case: a model of what the user saw and wants, checked against the real queue and server. */
class Run {
  readonly rng: Rng;
  /** Server values the user was shown, per field; overwriting one of them is the user's informed choice. */
  readonly seen = new Map<EditableField, Set<string | null>>(EDITABLE_FIELDS.map((f) => [f, new Set()]));
  /** Values our own PATCHes carried: finding one on the server means our write, not a colleague's. */
  readonly ours = new Map<EditableField, Set<string | null>>(EDITABLE_FIELDS.map((f) => [f, new Set()]));
  /** What the user wants and has not taken back, per field: its value and the value it was edited from. */
  readonly wants = new Map<EditableField, { value: string | null; base: string | null }>();
  /** The editor, when open: the values it started from. */
  editor: EditCurrent | null = null;
  readonly log: string[] = [];
  violation: string | null = null;
  #n = 0;

  constructor(
    readonly seed: number,
    readonly uuid: string,
  ) {
    this.rng = new Rng(seed);
  }

  fresh(who: string): string {
    return `${who}-${this.seed}-${++this.#n}`;
  }

  /** What the cache holds for the recording (the server's copy, without the queued edit). */
  cachedServer(): EditCurrent {
    const raw = JSON.parse(cache.recordings.getRaw(this.uuid) ?? '{}') as Record<string, unknown>;
    return {
      title: text(raw['title']),
      summary: text(raw['summary']),
      description: text(raw['description']),
    };
  }

  /** What the recording shows: the cached copy with the queued edit laid over it. */
  shown(): EditCurrent {
    const r = session.show(this.uuid)!.recording;
    return { title: text(r['title']), summary: text(r['summary']), description: text(r['description']) };
  }

  checkPatch(url: string, body: string): void {
    if (!url.endsWith(this.uuid)) return;
    const sent = (JSON.parse(body) as { recording: Partial<Record<EditableField, string | null>> }).recording;
    const before = onServer(fx, this.uuid);
    for (const f of EDITABLE_FIELDS) {
      if (!(f in sent)) continue;
      const value = sent[f] ?? null;
      const there = text(before[f]);
      if (there !== value && !this.seen.get(f)!.has(there) && !this.ours.get(f)!.has(there)) {
        this.violation ??= `PATCH ${f}=${JSON.stringify(value)} over ${JSON.stringify(there)}, never shown to the user`;
      }
      this.ours.get(f)!.add(value);
    }
  }

  /** The user saves: each field the model wants changed gets a new value, or is set back to its base. */
  save(started: EditCurrent, cli: boolean): void {
    const draft = draftFrom(started);
    const changed: string[] = [];
    for (const f of EDITABLE_FIELDS) {
      if (!this.rng.chance(0.45)) continue;
      const want = this.wants.get(f);
      const value = want !== undefined && this.rng.chance(0.3) ? want.base : this.nextValue(f);
      if (f === 'title' && (value === null || value === '')) continue;
      draft[f] = value ?? '';
      changed.push(`${f}=${JSON.stringify(value)}`);
    }
    const request = editRequest(draft, started);
    if (request === null) return;
    const cached = this.cachedServer();
    this.log.push(`${cli ? 'sdesk edit' : 'save'} ${changed.join(' ')}`);
    try {
      if (cli) session.queueEdit(this.uuid, request.fields);
      else session.queueEdit(this.uuid, request.fields, request.from);
    } catch (e) {
      // Only "nothing to change" is an acceptable refusal: every field was already so.
      expect(String(e)).toMatch(/Nothing to change/);
    }
    for (const f of EDITABLE_FIELDS) {
      if (!(f in request.fields)) continue;
      const value = request.fields[f] ?? null;
      const want = this.wants.get(f);
      if (want !== undefined) {
        if (value === want.base) this.wants.delete(f);
        else want.value = value;
      } else if (value !== cached[f]) {
        this.wants.set(f, { value, base: cli ? cached[f] : started[f] });
      }
    }
  }

  nextValue(f: EditableField): string | null {
    return f !== 'title' && this.rng.chance(0.15) ? null : this.fresh('mine');
  }

  /** Settles the model after a push: a finished edit must have put every wanted value on the server. */
  afterPush(): void {
    if (session.show(this.uuid)?.local !== null) return;
    const server = onServer(fx, this.uuid);
    for (const [f, want] of this.wants) {
      if (text(server[f]) !== want.value) {
        this.violation ??= `edit done but ${f} is ${JSON.stringify(server[f])}, not the saved ${JSON.stringify(want.value)}`;
      }
    }
    this.wants.clear();
  }

  decide(choice: 'keep-mine' | 'take-theirs' | 'discard'): void {
    const item = session.show(this.uuid)?.local;
    if (item === undefined || item === null) return;
    if (choice === 'discard') {
      this.log.push('discard');
      session.discardEdit(item.id);
      this.wants.clear();
      return;
    }
    if (item.status !== 'conflict') return;
    this.log.push(`${choice} (${item.conflicts.join(', ')})`);
    for (const f of item.conflicts) {
      if (choice === 'keep-mine') this.seen.get(f)!.add(item.theirs?.[f] ?? null);
      else this.wants.delete(f);
    }
    session.resolveEdit(item.id, choice);
  }

  async push(withFault: boolean): Promise<void> {
    if (withFault) {
      fx.server.faults.add({
        kind: 'status',
        status: 503,
        method: 'PATCH',
        times: 1,
        path: new RegExp(this.uuid),
      });
    }
    this.log.push(withFault ? 'push (PATCH answers 503)' : 'push');
    await session.push();
    fx.server.faults.clear();
    this.afterPush();
  }

  async step(): Promise<void> {
    const roll = this.rng.next();
    if (roll < 0.18) {
      const f = this.rng.pick(EDITABLE_FIELDS);
      const value = f !== 'title' && this.rng.chance(0.15) ? null : this.fresh('colleague');
      this.log.push(`colleague ${f}=${JSON.stringify(value)}`);
      fx.server.data.update(this.uuid, { [f]: value });
    } else if (roll < 0.3) {
      // A background sync brings the server's copy into the cache.
      this.log.push('sync');
      const entry = await client.getRecording(this.uuid);
      cache.recordings.upsertPage([entry.raw]);
    } else if (roll < 0.42 || (roll < 0.62 && this.editor === null)) {
      this.editor = this.shown();
      this.log.push(`open editor ${JSON.stringify(this.editor)}`);
      this.sawShown();
    } else if (roll < 0.62) {
      this.save(this.editor!, false);
      this.editor = null;
    } else if (roll < 0.68) {
      // sdesk: `show` printed the recording, then `edit` takes its base from the cache.
      this.sawShown();
      this.save(this.shown(), true);
    } else if (roll < 0.85) {
      await this.push(this.rng.chance(0.25));
    } else {
      const choices = [
        'keep-mine',
        'keep-mine',
        'keep-mine',
        'take-theirs',
        'take-theirs',
        'take-theirs',
        'discard',
      ] as const;
      this.decide(this.rng.pick(choices));
    }
  }

  /** The recording is shown: the fields without a queued value show the cached server value. */
  sawShown(): void {
    const queued = session.show(this.uuid)?.local?.fields ?? {};
    const cached = this.cachedServer();
    for (const f of EDITABLE_FIELDS) if (!(f in queued)) this.seen.get(f)!.add(cached[f]);
  }

  /** Everything still wanted goes out: conflicts are kept as mine (the user saw theirs), then pushed. */
  async finish(): Promise<void> {
    for (let round = 0; round < 6 && session.show(this.uuid)?.local; round++) {
      this.decide('keep-mine');
      await this.push(false);
    }
    const left = session.show(this.uuid)?.local;
    if (left) this.violation ??= `still queued after the final pushes: ${JSON.stringify(left)}`;
    if (this.wants.size > 0) this.violation ??= `lost: ${JSON.stringify([...this.wants])}`;
  }
}

describe('property: no edit lost, none applied over a value the user did not see', () => {
  it(`holds for ${ONLY_SEED === undefined ? RUNS : 1} seeded runs`, { timeout: 120_000 }, async () => {
    const seeds = ONLY_SEED === undefined ? Array.from({ length: RUNS }, (_, i) => 1_000 + i) : [ONLY_SEED];
    for (const [i, seed] of seeds.entries()) {
      const run = new Run(seed, uuids[i % uuids.length]!);
      current = run;
      try {
        for (let s = 0; s < STEPS && run.violation === null; s++) await run.step();
        if (run.violation === null) await run.finish();
      } catch (e) {
        run.violation ??= `threw: ${e instanceof Error ? e.message : String(e)}`;
      }
      if (run.violation !== null) {
        expect.fail(
          `seed ${seed} (PROPERTY_SEED=${seed}): ${run.violation}\nsteps:\n  ${run.log.join('\n  ')}`,
        );
      }
    }
    current = undefined;
  });
});
