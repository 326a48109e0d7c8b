import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountDb } from '../../src/main/db';
import type { SearchResponse } from '../../src/main/search';
import { SEARCH_SORTS, searchRecordings } from '../../src/main/search';
import { recording } from '../helpers/db-fixtures';
import { freshAccountDb } from '../helpers/db-temp';

let adb: AccountDb;

beforeAll(() => {
  adb = freshAccountDb();
  adb.recordings.upsertPage([
    recording({
      uuid: 'a',
      title: 'Café crash AND NEAR "quoted" OR NOT',
      console_logs: '[error] x(y) {z}: ^a *b',
    }),
    recording({ uuid: 'b', title: 'Checkout 🚀 emoji', summary: 'Zoë — Łódź — ログイン' }),
    recording({ uuid: 'c', title: null, metadata: { duration: null, created_at: null } }),
  ]);
});

function expectSane(res: SearchResponse): void {
  expect(res.total).toBeGreaterThanOrEqual(res.results.length);
  for (const hit of res.results) expect(['a', 'b', 'c']).toContain(hit.uuid);
}

// Pieces of FTS5 syntax and query-language syntax, to be glued together at random.
const SYNTAX = [
  'AND',
  'OR',
  'NOT',
  'NEAR',
  'NEAR(',
  '*',
  '^',
  ':',
  '(',
  ')',
  '{',
  '}',
  '+',
  '-',
  '"',
  '""',
  "'",
  '\\',
  'title:',
  '{title}:',
  'rank',
  'bm25(',
  'type:',
  'created:>',
  'created:..',
  'duration:<',
  'customer:',
  'user:"',
  'ticket:',
  'has:',
  'is:',
  'platform:"screendesk',
  '--',
  '-"',
  '%',
  '_',
  '\u0000',
  '\u0002',
  '\u0003',
  '\uD800',
  '\uDFFF',
  '🚀',
  '👩‍💻',
  'é',
  'ü',
  'ー',
  '\u200B',
  '\t',
  '\n',
  ' ',
  'café',
  'zoë',
];

describe('any input at all', () => {
  it('gives results or an empty list for random strings, never an error', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.constantFrom(...SEARCH_SORTS),
        (q, sort) => {
          expectSane(searchRecordings(adb, { query: q, sort }));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('survives FTS5 operators, qualifiers, quotes, emoji, NUL and lone surrogates glued together', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...SYNTAX), fc.string({ unit: 'binary', maxLength: 8 })), {
          maxLength: 40,
        }),
        fc.boolean(),
        fc.constantFrom(...SEARCH_SORTS),
        (parts, spaced, sort) => {
          expectSane(searchRecordings(adb, { query: parts.join(spaced ? ' ' : ''), sort }));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('handles 10,000 characters of text, of syntax and of one unbroken word', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `café${i}`)
      .join(' ')
      .slice(0, 10_000);
    const syntax = Array.from({ length: 4000 }, (_, i) => SYNTAX[i % SYNTAX.length])
      .join(' ')
      .slice(0, 10_000);
    for (const q of [
      words,
      syntax,
      'x'.repeat(10_000),
      '"'.repeat(10_000),
      '-'.repeat(10_000),
      ' '.repeat(10_000),
    ]) {
      expect(q.length).toBeGreaterThanOrEqual(9_000);
      expectSane(searchRecordings(adb, { query: q }));
    }
  });

  it('still finds what it should when the query is mostly noise', () => {
    expect(
      searchRecordings(adb, { query: 'NEAR( "café" ) ^ * : -- 🚀 crash' }).results.map((r) => r.uuid),
    ).toEqual(['a']);
    expect(searchRecordings(adb, { query: '"unclosed cafe' }).results).toEqual([]);
    expect(searchRecordings(adb, { query: '"crash' }).results.map((r) => r.uuid)).toEqual(['a']);
  });

  it('accepts a request that is not what the types promise', () => {
    const bad = { query: 42, sort: 'sideways', limit: '10', offset: null } as unknown as Parameters<
      typeof searchRecordings
    >[1];
    expectSane(searchRecordings(adb, bad));
  });
});
