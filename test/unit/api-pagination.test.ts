import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, DEFAULT_MAX_PAGES, normalizePagination, readCount } from '../../src/main/api';

describe('readCount', () => {
  it.each([
    [3, 3],
    [0, 0],
    ['42', 42],
    [' 7 ', 7],
    [-1, null],
    [1.5, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [2 ** 60, null],
    ['3 pages', null],
    ['-3', null],
    [null, null],
    [undefined, null],
    [{}, null],
    [true, null],
  ])('%j → %s', (value, expected) => {
    expect(readCount(value)).toBe(expected);
  });
});

describe('normalizePagination', () => {
  it('reads an honest first page', () => {
    const raw = { count: 250, page: 1, items: 100, pages: 3, next_page: 2, last_page: 3, from: 1, to: 100 };
    expect(normalizePagination(raw, 1, 100)).toEqual({
      page: 1,
      perPage: 100,
      count: 250,
      pages: 3,
      pagesKnown: true,
      next: 2,
      anomalies: [],
    });
  });

  it('stops on an honest last page (next_page absent)', () => {
    const raw = { count: 250, page: 3, items: 100, pages: 3, prev_page: 2, last_page: 3, from: 201, to: 250 };
    expect(normalizePagination(raw, 3, 50)).toMatchObject({ next: null, pages: 3, anomalies: [] });
  });

  it('handles an empty account', () => {
    const p = normalizePagination({ count: 0, page: 1, items: 100, pages: 0 }, 1, 0);
    expect(p).toMatchObject({ next: null, pages: 1, count: 0, anomalies: [] });
  });

  it('treats null like absent', () => {
    const p = normalizePagination(
      { count: 10, page: 1, items: 100, pages: 1, next_page: null, prev_page: null },
      1,
      10,
    );
    expect(p).toMatchObject({ next: null, anomalies: [] });
  });

  it('bounds a claim of millions of pages by what count and items imply', () => {
    const p = normalizePagination({ count: 1000, items: 100, pages: 5_000_000, next_page: 2 }, 1, 100);
    expect(p).toMatchObject({ pages: 10, next: 2 });
    expect(p.anomalies.join()).toMatch(/pages \(5000000\) disagrees/);
  });

  it('bounds a page total without a count by maxPages', () => {
    expect(normalizePagination({ pages: 5_000_000, next_page: 2 }, 1, 100).pages).toBe(DEFAULT_MAX_PAGES);
    const p = normalizePagination({ pages: 5_000_000, next_page: 51 }, 50, 100, { maxPages: 50 });
    expect(p).toMatchObject({ pages: 50, next: null });
  });

  it('bounds a huge count with a tiny page size', () => {
    const p = normalizePagination({ count: 1e12, items: 1 }, 1, 1);
    expect(p.pages).toBe(DEFAULT_MAX_PAGES);
  });

  it('does not believe items below what arrived', () => {
    const p = normalizePagination({ count: 1_000_000, items: 1 }, 1, 100);
    expect(p).toMatchObject({ perPage: 100, pages: 10_000 });
    expect(p.anomalies.join()).toMatch(/items \(1\) < records/);
  });

  it('ignores negative numbers', () => {
    const p = normalizePagination({ count: -5, page: -1, items: -100, pages: -1, next_page: -2 }, 1, 20);
    expect(p).toMatchObject({ count: null, perPage: 20, pagesKnown: false, next: null, pages: 1 });
    expect(p.anomalies.length).toBeGreaterThanOrEqual(4);
  });

  it('accepts numbers sent as strings and ignores strings that are not numbers', () => {
    expect(
      normalizePagination({ count: '250', items: '100', page: '2', next_page: '3' }, 2, 100),
    ).toMatchObject({
      count: 250,
      pages: 3,
      next: 3,
    });
    const p = normalizePagination({ count: 'lots', next_page: 'two' }, 1, 100);
    expect(p).toMatchObject({ count: null, next: null });
    expect(p.anomalies).toEqual(['count is not a number', 'next_page is not a number']);
  });

  it('never follows next_page backwards or to itself', () => {
    expect(normalizePagination({ next_page: 1 }, 3, 100)).toMatchObject({ next: null });
    const self = normalizePagination({ next_page: 3 }, 3, 100);
    expect(self.next).toBeNull();
    expect(self.anomalies).toEqual(['next_page (3) does not move forward']);
  });

  it('never skips pages', () => {
    const p = normalizePagination({ next_page: 9 }, 1, 100);
    expect(p.next).toBe(2);
    expect(p.anomalies).toEqual(['next_page (9) skips pages']);
  });

  it('goes on when either the totals or a forward next_page say there is more', () => {
    // next_page missing before the end: one more request, which comes back empty at worst.
    expect(normalizePagination({ count: 300, items: 100 }, 1, 100).next).toBe(2);
    // next_page past the end the totals imply (count understated, items overstated): followed, or the
    // records past the totals would never be read.
    expect(normalizePagination({ count: 1000, items: 100, next_page: 11 }, 10, 100).next).toBe(11);
    expect(normalizePagination({ count: 450, items: 150, next_page: 4 }, 3, 100).next).toBe(4);
    // Neither says more: the end.
    expect(normalizePagination({ count: 1000, items: 100 }, 10, 100).next).toBeNull();
  });

  it('rejects an answer for another page than the one asked for', () => {
    const call = () => normalizePagination({ page: 1, count: 500 }, 2, 100);
    expect(call).toThrow(ApiError);
    expect(call).toThrow('The server answered page 1 when page 2 was asked for');
    try {
      call();
    } catch (e) {
      expect(e).toMatchObject({ code: 'bad_response', retryable: false });
    }
  });

  it('stops on a page past the end', () => {
    const p = normalizePagination({ count: 1000, items: 100, next_page: 12 }, 11, 0);
    expect(p.next).toBeNull();
    // An empty page before the announced end still stops: there is nothing to continue from.
    const early = normalizePagination({ count: 1000, items: 100, next_page: 4 }, 3, 0);
    expect(early.next).toBeNull();
    expect(early.anomalies).toContain('empty page before the reported end');
  });

  it('treats a pagination that is not an object as absent', () => {
    for (const raw of [[], 'page 1', 5, null, undefined]) {
      expect(normalizePagination(raw, 1, 100)).toMatchObject({ next: null, pagesKnown: false, pages: 1 });
    }
    expect(normalizePagination([1], 1, 1).anomalies).toContain('pagination is not an object');
  });

  it('assumes the docs page size when nothing tells it', () => {
    expect(normalizePagination(undefined, 1, 0).perPage).toBe(100);
  });

  it('is bounded and never skips, whatever the server sends', () => {
    const junk = fc.oneof(
      fc.integer({ min: -1e6, max: 1e9 }),
      fc.double(),
      fc.constantFrom(null, undefined, '', '12', '-3', 'x', true, [], {}),
      fc.integer({ min: 0, max: 1e7 }).map(String),
    );
    const rawArb = fc.oneof(
      fc.record(
        {
          count: junk,
          page: junk,
          items: junk,
          pages: junk,
          next_page: junk,
          prev_page: junk,
          last_page: junk,
        },
        { requiredKeys: [] },
      ),
      junk,
    );
    fc.assert(
      fc.property(
        rawArb,
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 200_000 }),
        (raw, page, records, maxPages) => {
          let p;
          try {
            p = normalizePagination(raw, page, records, { maxPages });
          } catch (e) {
            // The only refusal: the answer names another page.
            expect(e).toMatchObject({ code: 'bad_response' });
            expect(readCount((raw as { page?: unknown } | null)?.page)).not.toBe(page);
            return;
          }
          expect(p.page).toBe(page);
          expect(p.next === null || p.next === page + 1).toBe(true);
          if (p.next !== null) expect(p.next).toBeLessThanOrEqual(maxPages);
          if (records === 0) expect(p.next).toBeNull();
          expect(p.pages).toBeGreaterThanOrEqual(1);
          expect(p.pages).toBeLessThanOrEqual(maxPages);
          expect(p.perPage).toBeGreaterThanOrEqual(Math.max(1, records));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
