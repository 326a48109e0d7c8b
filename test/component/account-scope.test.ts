// What a change event refreshes: a sync that changed nothing refreshes nothing; a sync that changed
// recordings refreshes the list, the overview and any open recording; an edit refreshes its recording,
// its rows of the list and the outbox, and nothing else.
import { waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { OutboxItem, SearchHit } from '../../src/shared/contract';
import type { AccountScope } from '../../src/renderer/src/stores/account.svelte';
import { AppState } from '../../src/renderer/src/stores/app-state.svelte';
import { fakeApi } from './fake-api';
import { editItem, IDLE, searchHit } from './fixtures';
import { SIGNED_IN } from './render';

const TOTAL = 250;

function hits(offset: number, limit: number): SearchHit[] {
  const count = Math.max(0, Math.min(limit, TOTAL - offset));
  return Array.from({ length: count }, (_, i) => searchHit(`r${offset + i}`, `Recording ${offset + i}`));
}

/** A signed-in account whose list has pages 0 and 2 loaded, and whose queue is `queue.items`. */
async function signedIn(queue: { items: OutboxItem[] }) {
  const fake = fakeApi({
    'sync:status': () => IDLE,
    'outbox:counts': () => ({ pending: queue.items.length, failed: 0, conflict: 0 }),
    'outbox:list': () => queue.items,
    'search:query': ({ offset = 0, limit = 100 }) => ({
      total: TOTAL,
      results: hits(offset, limit),
      sort: 'relevance',
      reason: null,
    }),
  });
  const app = new AppState(fake.api);
  app.setAccount(SIGNED_IN);
  const scope = app.scope as AccountScope;
  await waitFor(() => expect(scope.sync !== null && scope.outbox.items !== null).toBe(true));
  await scope.search.run();
  scope.search.ensureRange(200, 210);
  await waitFor(() => expect(scope.search.hit(200)?.uuid).toBe('r200'));
  const mark = fake.calls.length;
  /** The calls made since the account was ready. */
  const since = () => fake.calls.slice(mark);
  return { fake, scope, since };
}

/** Lets every answer of the fake arrive. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('AccountScope: refreshes scoped to what changed', () => {
  it('a sync that changed nothing refreshes nothing but the check of the queue', async () => {
    const { fake, scope, since } = await signedIn({ items: [] });
    const before = { all: scope.changes.all, one: scope.changes.recording('r5') };
    fake.emit('sync:status', { ...IDLE, running: true });
    fake.emit('sync:progress', { phase: 'listing', pagesDone: 1, pagesTotal: 3, records: 100 });
    fake.emit('sync:progress', { phase: 'listing', pagesDone: 3, pagesTotal: 3, records: TOTAL });
    fake.emit('sync:status', { ...IDLE, lastSyncAt: IDLE.lastSyncAt! + 60_000 });
    fake.emit('outbox:changed', { pending: 0, failed: 0, conflict: 0 });
    await settle();

    expect(since().map((c) => c.channel)).toEqual(['outbox:list']);
    expect(scope.changes.all).toBe(before.all);
    expect(scope.changes.recording('r5')).toBe(before.one);
    expect(scope.sync?.lastSyncAt).toBe(IDLE.lastSyncAt! + 60_000);
  });

  it('a sync that changed recordings refreshes the list, the overview and every open recording', async () => {
    const { fake, scope, since } = await signedIn({ items: [] });
    const before = { all: scope.changes.all, one: scope.changes.recording('r5') };
    fake.emit('sync:status', { ...IDLE, running: true });
    fake.emit('sync:status', { ...IDLE, lastSyncAt: IDLE.lastSyncAt! + 60_000, cacheRevision: 4 });
    await settle();

    expect(since().filter((c) => c.channel === 'search:query')).toHaveLength(1);
    expect(scope.changes.all).toBe(before.all + 1);
    expect(scope.changes.recording('r5')).not.toBe(before.one);
  });

  it('a long first sync fills the list as it goes, once it has stored recordings that are new', async () => {
    const { fake, since } = await signedIn({ items: [] });
    fake.emit('sync:status', { ...IDLE, running: true, cached: 0 });
    fake.emit('sync:progress', { phase: 'listing', pagesDone: 1, pagesTotal: 3, records: 100 });
    await settle();
    expect(since().filter((c) => c.channel === 'search:query')).toHaveLength(1);
  });

  it('an edit refreshes its recording, its rows of the list and the outbox; nothing else', async () => {
    const queue = { items: [] as OutboxItem[] };
    const { fake, scope, since } = await signedIn(queue);
    const before = {
      all: scope.changes.all,
      edited: scope.changes.recording('r201'),
      other: scope.changes.recording('r5'),
    };
    queue.items = [editItem({ uuid: 'r201' })];
    fake.emit('outbox:changed', { pending: 1, failed: 0, conflict: 0 });
    await settle();

    expect(scope.outbox.items).toEqual(queue.items);
    expect(scope.outbox.total).toBe(1);
    expect(scope.changes.recording('r201')).not.toBe(before.edited);
    expect(scope.changes.recording('r5')).toBe(before.other);
    expect(scope.changes.all).toBe(before.all);
    // Page 2 shows it; page 0 is asked again for the total (is:edited can change the set); page 1 not.
    const offsets = since()
      .filter((c) => c.channel === 'search:query')
      .map((c) => (c.args as { offset: number }).offset)
      .sort((a, b) => a - b);
    expect(offsets).toEqual([0, 200]);
  });

  it('another account starts from nothing: a new state, with an empty search and no recording open', async () => {
    const { fake, scope } = await signedIn({ items: [editItem()] });
    scope.search.setQuery('crash');
    scope.nav.open('r5');
    const app = new AppState(fake.api);
    app.setAccount(SIGNED_IN);
    const first = app.scope as AccountScope;
    first.nav.open('r5');
    app.setAccount({ ...SIGNED_IN, queuePaused: 'Paused by the server' });
    expect(app.scope, 'the same account keeps its state').toBe(first);
    expect(app.scope?.nav.uuid).toBe('r5');

    app.setAccount({ ...SIGNED_IN, accountId: 'acc-2' });
    expect(app.scope).not.toBe(first);
    expect(app.scope?.search.query).toBe('');
    expect(app.scope?.nav.uuid).toBeNull();
    expect(app.scope?.nav.view).toBe('recordings');
    // The old state no longer listens: the service's events reach only the new one.
    await settle();
    const kept = { ...first.outbox.counts };
    fake.emit('outbox:changed', { pending: 0, failed: 3, conflict: 0 });
    expect(app.scope?.outbox.counts).toEqual({ pending: 0, failed: 3, conflict: 0 });
    expect(first.outbox.counts).toEqual(kept);
    app.setAccount({ ...SIGNED_IN, signedIn: false, accountId: null });
    expect(app.scope).toBeNull();
  });

  it('the cache’s thread started again: the window says so, and reads the list, the status and the queue anew', async () => {
    const { fake, scope, since } = await signedIn({ items: [editItem()] });
    fake.emit('service:restarted', {
      message: 'The app’s background work stopped unexpectedly and was started again.',
    });
    await settle();

    expect(scope.toasts.items.map((t) => [t.kind, t.text])).toEqual([
      ['error', 'The app’s background work stopped unexpectedly and was started again.'],
    ]);
    const channels = since().map((c) => c.channel);
    expect(channels).toEqual(expect.arrayContaining(['search:query', 'sync:status', 'outbox:list']));
  });
});
