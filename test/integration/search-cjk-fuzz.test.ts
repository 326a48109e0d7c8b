// Property: a query of two or more CJK characters finds exactly the recordings whose text contains it,
// as a naive `includes` says, over seeded random corpora that mix scripts, punctuation and spaces, and
// after the corpus has been partly rewritten (the index's old entries must go with the old text).
// fast-check prints the seed of a failing run; SDESK_FUZZ_SEED replays it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchRecordings } from '../../src/main/search';
import { recording } from '../helpers/db-fixtures';
import { freshAccountDb } from '../helpers/db-temp';
import { expectIndexMatchesSource } from '../helpers/fts-check';

// A small alphabet, so that random substrings are often found: kana (with voiced marks, which the
// tokenizer keeps apart), the prolonged sound mark, kanji, hangul, and what separates runs.
const CJK = ['あ', 'い', 'が', 'ア', 'イ', 'ガ', 'ー', '支', '払', '中', '文', '가', '각', '다'];
const OTHER = [' ', '・', '、', 'a', 'Z', '1', '-', '🙂'];
const text = fc
  .array(fc.constantFrom(...CJK, ...CJK, ...OTHER), { minLength: 0, maxLength: 24 })
  .map((cs) => cs.join(''));
const query = fc.array(fc.constantFrom(...CJK), { minLength: 2, maxLength: 4 }).map((cs) => cs.join(''));

const seed =
  process.env['SDESK_FUZZ_SEED'] === undefined ? undefined : Number(process.env['SDESK_FUZZ_SEED']);

describe('CJK substring search', () => {
  it('matches a naive includes over seeded random corpora, before and after edits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: text, summary: text }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.record({ title: text, summary: text }), { maxLength: 40 }),
        fc.array(query, { minLength: 1, maxLength: 12 }),
        (corpus, rewrites, queries) => {
          const adb = freshAccountDb('cjk-fuzz');
          const put = (rows: { title: string; summary: string }[]): void => {
            adb.recordings.upsertPage(rows.map((r, i) => recording({ uuid: `r${i}`, ...r })));
          };
          const current = new Map<string, string>();
          const check = (): void => {
            // Substrings of the stored text too, so that matches are not left to chance.
            const picked = [...current.values()].flatMap((t) => cjkRunPieces(t)).slice(0, 6);
            for (const q of [...queries, ...picked]) {
              const expected = [...current].filter(([, t]) => t.includes(q)).map(([u]) => u);
              const res = searchRecordings(adb, { query: q, limit: 1000 });
              expect(new Set(res.results.map((r) => r.uuid)), q).toEqual(new Set(expected));
              expect(res.total, q).toBe(expected.length);
            }
          };
          put(corpus);
          corpus.forEach((r, i) => current.set(`r${i}`, `${r.title}\n${r.summary}`));
          check();
          put(rewrites);
          rewrites.forEach((r, i) => current.set(`r${i}`, `${r.title}\n${r.summary}`));
          check();
          expectIndexMatchesSource(adb.sqlite);
          adb.close();
        },
      ),
      { numRuns: 60, ...(seed === undefined ? {} : { seed }) },
    );
  });
});

/** Some two- and three-character pieces of the CJK runs of `t`. */
function cjkRunPieces(t: string): string[] {
  const runs = t.split(new RegExp(`[^${CJK.join('')}]+`, 'u')).filter((r) => r.length >= 2);
  return runs.flatMap((r) => [r.slice(0, 2), r.slice(-3)].filter((p) => p.length >= 2));
}
