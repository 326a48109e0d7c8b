// Page arithmetic of the demo server, checked as properties over many sizes with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paginate, parsePageParam } from '../../src/main/demo';

describe('paginate', () => {
  it('pages 1..pages cover every index exactly once, in order, with honest from/to', () => {
    fc.assert(
      fc.property(fc.nat(5_000), fc.integer({ min: 1, max: 300 }), (count, items) => {
        const first = paginate(count, 1, items).pagination;
        const covered: number[] = [];
        for (let page = 1; page <= (first.pages ?? 0); page++) {
          const { pagination, start, end } = paginate(count, page, items);
          for (let i = start; i < end; i++) covered.push(i);
          if (end > start) {
            expect(pagination.from).toBe(start + 1);
            expect(pagination.to).toBe(end);
          }
          expect('prev_page' in pagination).toBe(page > 1);
          expect('next_page' in pagination).toBe(page < (first.pages ?? 0));
          expect(pagination).toMatchObject({
            count,
            page,
            items,
            pages: first.pages,
            last_page: first.pages,
          });
        }
        expect(covered).toEqual(Array.from({ length: count }, (_, i) => i));
        expect(first.pages).toBe(Math.max(1, Math.ceil(count / items)));
      }),
    );
  });

  it('any page past the end is empty and points back to the last page', () => {
    fc.assert(
      fc.property(
        fc.nat(1_000),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 1e6 }),
        (count, items, extra) => {
          const pages = Math.max(1, Math.ceil(count / items));
          const { pagination, start, end } = paginate(count, pages + extra, items);
          expect(end - start).toBe(0);
          expect(pagination).toEqual({
            count,
            page: pages + extra,
            items,
            pages,
            last_page: pages,
            from: 0,
            to: 0,
            prev_page: pages,
          });
        },
      ),
    );
  });
});

describe('parsePageParam', () => {
  it.each([
    [null, 1],
    ['', 1],
    ['1', 1],
    ['2', 2],
    [' 3', 3],
    ['+4', 4],
    ['5abc', 5],
    ['1.9', 1],
    ['0', 1],
    ['-1', 1],
    ['abc', 1],
    ['99999999999999999999999', Number.MAX_SAFE_INTEGER],
  ])('reads %j as page %d (Ruby to_i, at least 1)', (raw, page) => {
    expect(parsePageParam(raw)).toBe(page);
  });

  it('always yields a safe integer ≥ 1, whatever the string', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const page = parsePageParam(raw);
        expect(Number.isSafeInteger(page) && page >= 1).toBe(true);
      }),
    );
  });
});
