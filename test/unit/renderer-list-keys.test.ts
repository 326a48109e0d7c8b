import { describe, expect, it } from 'vitest';
import { listKey, pagesFor } from '../../src/renderer/src/logic/list-keys';

describe('result list keys', () => {
  it('moves with arrows and j/k, staying inside the list', () => {
    expect(listKey('ArrowDown', 0, 10, 5)).toEqual({ move: 1 });
    expect(listKey('j', 9, 10, 5)).toEqual({ move: 9 });
    expect(listKey('k', 3, 10, 5)).toEqual({ move: 2 });
    expect(listKey('ArrowUp', 0, 10, 5)).toEqual({ move: 0 });
    expect(listKey('ArrowDown', -1, 10, 5)).toEqual({ move: 0 });
  });

  it('jumps by a screen and to the ends', () => {
    expect(listKey('PageDown', 0, 100_000, 8)).toEqual({ move: 8 });
    expect(listKey('PageUp', 3, 100, 8)).toEqual({ move: 0 });
    expect(listKey('End', 0, 100_000, 8)).toEqual({ move: 99_999 });
    expect(listKey('Home', 500, 100_000, 8)).toEqual({ move: 0 });
  });

  it('opens with Enter only when a row is active', () => {
    expect(listKey('Enter', 4, 10, 5)).toEqual({ open: true });
    expect(listKey('Enter', -1, 10, 5)).toBeNull();
  });

  it('ignores other keys and an empty list', () => {
    expect(listKey('x', 0, 10, 5)).toBeNull();
    expect(listKey('ArrowDown', 0, 0, 5)).toBeNull();
  });
});

describe('pages for a range of rows', () => {
  it('lists the pages that cover the rows', () => {
    expect(pagesFor(0, 99, 100)).toEqual([0]);
    expect(pagesFor(95, 105, 100)).toEqual([0, 1]);
    expect(pagesFor(-20, 10, 100)).toEqual([0]);
    expect(pagesFor(50_000, 50_020, 100)).toEqual([500]);
    expect(pagesFor(10, 5, 100)).toEqual([]);
  });
});
