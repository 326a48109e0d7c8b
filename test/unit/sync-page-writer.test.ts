import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { UpsertResult } from '../../src/main/db';
import { PageWriter } from '../../src/main/sync/page-writer';

const stored = (n: number): UpsertResult => ({ added: n, updated: 0, unchanged: 0, skipped: 0 });

describe('PageWriter', () => {
  it('stores pages that arrive together in one transaction, whole and in order', async () => {
    const batches: unknown[][] = [];
    const writer = new PageWriter((records) => {
      batches.push([...records]);
      return stored(records.length);
    });
    const added: number[] = [];
    await Promise.all([
      writer.enqueue([1, 2], (r) => added.push(r.added)),
      writer.enqueue([3], (r) => added.push(r.added)),
    ]);
    await writer.drain();
    expect(batches).toEqual([[1, 2, 3]]);
    expect(added.reduce((a, b) => a + b, 0)).toBe(3);

    await writer.enqueue([4], () => {});
    await writer.drain();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('does not keep a lone page waiting for company: it is stored within a fraction of a second', async () => {
    const batches: unknown[][] = [];
    const writer = new PageWriter((records) => {
      batches.push([...records]);
      return stored(records.length);
    });
    await writer.enqueue([1], () => {});
    await nextTurn();
    expect(batches).toEqual([]); // waiting for more pages to share the transaction...
    for (let i = 0; i < 20 && batches.length === 0; i++) await sleep(50);
    expect(batches).toEqual([[1]]); // ...but not for long, and without anyone draining
  });

  it('reports a failed write from drain and refuses further pages', async () => {
    const writer = new PageWriter(() => {
      throw new Error('disk full');
    });
    await writer.enqueue([1], () => {});
    await expect(writer.drain()).rejects.toThrow('disk full');
    await expect(writer.enqueue([2], () => {})).rejects.toThrow('disk full');
  });

  it('makes the fetching side wait while too many pages are queued', async () => {
    let writes = 0;
    const writer = new PageWriter((records) => {
      writes++;
      return stored(records.length);
    });
    const pending = Array.from({ length: 40 }, (_, i) => writer.enqueue([i], () => {}));
    let released = 0;
    for (const p of pending) void p.then(() => released++);
    for (let i = 0; i < 20; i++) await Promise.resolve(); // microtasks only: the writer has not run
    expect(writes).toBe(0);
    expect(released).toBe(16); // the rest wait until the writer has made room
    await nextTurn();
    await Promise.all(pending);
    await writer.drain();
    expect(writes).toBeGreaterThan(0);
    expect(released).toBe(40);
  });
});
