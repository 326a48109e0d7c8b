// candidates.ts's indexOf: a binary search over ascending ids that gallops ahead from a later index, as
// the walks over ascending matches call it. Checked against a plain scan for every id and every start.
import { describe, expect, it } from 'vitest';
import { indexOf } from '../../src/main/search/candidates';

/** Ascending ids with gaps of 1 to 9, seeded. */
function ids(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let x = seed;
  let v = 0;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    v += 1 + (x % 9);
    out[i] = v;
  }
  return out;
}

describe('indexOf', () => {
  it('finds every id from every start at or before it, and none that is missing or behind the start', () => {
    for (const n of [0, 1, 2, 3, 7, 64, 129]) {
      const list = ids(n, n + 1);
      const last = n > 0 ? list[n - 1]! : 0;
      for (let from = 0; from <= n; from++) {
        for (let id = 0; id <= last + 2; id++) {
          const at = list.indexOf(id);
          expect(indexOf(list, id, from)).toBe(at >= from ? at : -1);
        }
      }
    }
  });
});
