import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileQuery } from '../../src/main/search/compile';
import { ftsString } from '../../src/main/search/fts';
import { parseQuery } from '../../src/main/search/parse';

const compile = (q: string): ReturnType<typeof compileQuery> => compileQuery(parseQuery(q));

describe('FTS5 strings', () => {
  it('quotes each word as one FTS5 string with a prefix star', () => {
    expect(compile('checkout error').match).toBe('"checkout"* AND "error"*');
  });

  it('matches quoted phrases exactly (no star)', () => {
    expect(compile('"blank page"').match).toBe('"blank page"');
  });

  it('doubles quotes inside a word, so FTS5 operators stay plain characters', () => {
    expect(ftsString('say"hello', true)).toBe('"say""hello"*');
    expect(compile('NEAR(alpha beta) OR gamma* ^delta {col}:term').match).toBe(
      '"NEAR(alpha"* AND "beta)"* AND "OR" AND "gamma*"* AND "^delta"* AND "{col}:term"*',
    );
  });

  it('matches one- and two-letter words whole, longer ones as prefixes', () => {
    expect(compile('e ui api').match).toBe('"e" AND "ui" AND "api"*');
  });

  it('matches the last word as a prefix from its first letter (the word being typed)', () => {
    expect(compile('api e').match).toBe('"api"* AND "e"*');
    expect(compile('api ui type:live').match).toBe('"api"* AND "ui"* AND facets : "\uE000typelive"');
    expect(compile('ui "a phrase"').match).toBe('"ui"* AND "a phrase"');
    expect(compile('ui 🙂').match).toBe('"ui"*');
  });

  it('matches CJK text in the bigram column, one character as a prefix', () => {
    expect(compile('支払い').match).toBe('cjk : "支払 払い"');
    expect(compile('支').match).toBe('cjk : "支"*');
    expect(compile('支払い・エラー').match).toBe('cjk : "支払 払い \uE001 エラ ラー"');
    expect(compile('支払いerror').match).toBe('"支払いerror"*');
  });

  it('drops words with nothing searchable (punctuation, emoji)', () => {
    expect(compile('!!! 🚀 --').match).toBeNull();
    expect(compile('🚀 rocket').match).toBe('"rocket"*');
  });

  it('puts exclusions after NOT, or in a NOT IN when there is nothing to include', () => {
    expect(compile('error -chunk -"cors policy"').match).toBe('("error"*) NOT ("chunk"* OR "cors policy")');
    const onlyNot = compile('-chunk');
    expect(onlyNot.match).toBeNull();
    expect(onlyNot.where).toEqual([
      'r.id NOT IN (SELECT rowid FROM recordings_fts WHERE recordings_fts MATCH ?)',
    ]);
    expect(onlyNot.params).toEqual(['"chunk"*']);
  });

  it('answers customer: and user: with column filters of the index', () => {
    expect(compile('customer:acme.com -user:sato').match).toBe(
      '(customer : "acme.com"*) NOT (agent : "sato"*)',
    );
    expect(compile('crash customer:acme.com -user:sato').match).toBe(
      '("crash"* AND customer : "acme.com"*) NOT (agent : "sato"*)',
    );
  });

  it('answers type:, platform: and has: next to words with facet terms, alone with SQL', () => {
    const q = compile('crash type:live -platform:"screendesk app" has:logs duration:>60');
    expect(q.match).toBe(
      '("crash"* AND facets : "\uE000typelive" AND facets : "\uE000haslogs") NOT (facets : "\uE000platformscreendeskapp")',
    );
    expect(q.where).toEqual(['(r.duration IS NOT NULL AND r.duration > ?)']);
    expect(q.filtered).toBe(true);
    expect(compile('type:live').where).toEqual(['r.recording_type IS ?']);
    expect(compile('crash').filtered).toBe(false);
  });

  it('knows whether the query has words (relevance is then the default order)', () => {
    expect(compile('crash type:live').hasWords).toBe(true);
    expect(compile('customer:acme type:live -crash').hasWords).toBe(false);
  });
});

describe('SQL', () => {
  it('binds every value as a parameter', () => {
    const q = compile(
      "type:live platform:jira source:Zen%_' ticket:X-1 created:2026-01-01..2026-01-31 duration:>60 has:logs is:edited",
    );
    expect(q.where.join(' ')).not.toMatch(/Zen|X-1|2026|60|jira|Live/i);
    expect(q.params).toEqual([
      'Live',
      'jira',
      "Zen\\%\\_'%",
      'x-1',
      Date.UTC(2026, 0, 1),
      Date.UTC(2026, 1, 1),
      60,
    ]);
    expect(q.where.join(' ').split('?')).toHaveLength(q.params.length + 1);
  });

  it('keeps negated conditions two-valued, so rows with unknown values are not lost', () => {
    expect(compile('-type:live').where).toEqual(['NOT (r.recording_type IS ?)']);
    expect(compile('-duration:>60').where).toEqual(['NOT ((r.duration IS NOT NULL AND r.duration > ?))']);
  });

  it('never puts what the user typed into SQL text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const q = compile(`${s} source:${s}x ticket:${s}y`);
        for (const sql of q.where) {
          // Everything but the fixed SQL written in compile.ts is a '?'.
          expect(sql.replace(/\?/g, '')).toMatch(/^[\w\s().=<>'%\\,*-]*$/);
        }
      }),
    );
  });
});
