import { describe, expect, it } from 'vitest';
import type { AndNode, LeafNode, NotNode } from '../../src/main/search/ast';
import { lex, MAX_TERM_LENGTH, MAX_TERMS } from '../../src/shared/query-lex';
import { parseQuery } from '../../src/main/search/parse';

const DAY = 86_400_000;
const utc = (s: string): number => Date.parse(`${s}T00:00:00Z`);
const children = (q: string): AndNode['children'] => parseQuery(q).children;
const only = (q: string): LeafNode | NotNode => {
  const c = children(q);
  expect(c).toHaveLength(1);
  return c[0] as LeafNode | NotNode;
};

describe('words and phrases', () => {
  it('splits on whitespace into words that must all match', () => {
    expect(children('checkout  error\tnow')).toEqual([
      { kind: 'text', text: 'checkout', phrase: false },
      { kind: 'text', text: 'error', phrase: false },
      { kind: 'text', text: 'now', phrase: false },
    ]);
  });

  it('keeps a quoted phrase together, spaces included', () => {
    expect(children('"blank page" shown')).toEqual([
      { kind: 'text', text: 'blank page', phrase: true },
      { kind: 'text', text: 'shown', phrase: false },
    ]);
  });

  it('runs an unclosed quote to the end instead of failing', () => {
    expect(only('"blank page')).toEqual({ kind: 'text', text: 'blank page', phrase: true });
  });

  it('negates words and phrases with a leading minus', () => {
    expect(children('-chunk -"cors policy"')).toEqual([
      { kind: 'not', child: { kind: 'text', text: 'chunk', phrase: false } },
      { kind: 'not', child: { kind: 'text', text: 'cors policy', phrase: true } },
    ]);
  });

  it('treats a lone minus as a word, not as a negation of the next one', () => {
    expect(children('- x')).toEqual([
      { kind: 'text', text: '-', phrase: false },
      { kind: 'text', text: 'x', phrase: false },
    ]);
  });

  it('gives an empty query (match everything) for blank input', () => {
    expect(parseQuery('   \n ')).toEqual({ kind: 'and', children: [] });
  });
});

describe('qualifiers', () => {
  it('reads type:, platform:, source:, customer:, user:, ticket:, has: and is:', () => {
    expect(
      children(
        'type:live platform:zendesk source:"Zendesk Ticket" customer:acme.com user:sato ticket:ABC-12 has:logs has:summary is:edited',
      ),
    ).toEqual([
      { kind: 'type', value: 'Live' },
      { kind: 'platform', value: 'zendesk' },
      { kind: 'source', value: 'Zendesk Ticket' },
      { kind: 'customer', value: 'acme.com' },
      { kind: 'user', value: 'sato' },
      { kind: 'ticket', value: 'abc-12' },
      { kind: 'has', value: 'logs' },
      { kind: 'has', value: 'summary' },
      { kind: 'is', value: 'edited' },
    ]);
  });

  it('ignores the case of keys and enum values', () => {
    expect(children('TYPE:Received Platform:HelpScout')).toEqual([
      { kind: 'type', value: 'Received' },
      { kind: 'platform', value: 'helpscout' },
    ]);
  });

  it('knows every helpdesk platform, "screendesk app" quoted or spelled screendesk_app', () => {
    for (const p of ['zendesk', 'intercom', 'freshdesk', 'freshdesk_chat', 'helpscout', 'jira']) {
      expect(only(`platform:${p}`)).toEqual({ kind: 'platform', value: p });
    }
    expect(only('platform:"screendesk app"')).toEqual({ kind: 'platform', value: 'screendesk app' });
    expect(only('platform:screendesk_app')).toEqual({ kind: 'platform', value: 'screendesk app' });
  });

  it('negates qualifiers', () => {
    expect(only('-type:live')).toEqual({ kind: 'not', child: { kind: 'type', value: 'Live' } });
  });

  it('treats an unknown qualifier as plain text', () => {
    expect(only('foo:bar')).toEqual({ kind: 'text', text: 'foo:bar', phrase: false });
  });

  it('treats a known key with an unreadable value as plain text', () => {
    expect(children('type:video created:>notadate duration:>abc has:everything is:new')).toEqual([
      { kind: 'text', text: 'type:video', phrase: false },
      { kind: 'text', text: 'created:>notadate', phrase: false },
      { kind: 'text', text: 'duration:>abc', phrase: false },
      { kind: 'text', text: 'has:everything', phrase: false },
      { kind: 'text', text: 'is:new', phrase: false },
    ]);
  });

  it('does not take "Object.prototype" names for platforms', () => {
    expect(only('platform:constructor')).toEqual({
      kind: 'text',
      text: 'platform:constructor',
      phrase: false,
    });
    expect(only('platform:__proto__')).toEqual({ kind: 'text', text: 'platform:__proto__', phrase: false });
  });

  it('keeps a colon inside a plain word as text', () => {
    expect(children('x: :y')).toEqual([
      { kind: 'text', text: 'x:', phrase: false },
      { kind: 'text', text: ':y', phrase: false },
    ]);
  });
});

describe('created: (calendar periods of the zone asked for; here UTC)', () => {
  const range = (q: string): unknown => {
    const c = parseQuery(q, { timeZone: 'UTC' }).children;
    expect(c).toHaveLength(1);
    const n = c[0] as LeafNode | NotNode;
    return n.kind === 'created' ? n.range : n;
  };

  it('reads a day as the whole day', () => {
    expect(range('created:2026-01-15')).toEqual({ gte: utc('2026-01-15'), lt: utc('2026-01-16') });
  });

  it('compares whole days: > starts the next day, <= ends with the day', () => {
    expect(range('created:>2026-01-01')).toEqual({ gte: utc('2026-01-02') });
    expect(range('created:>=2026-01-01')).toEqual({ gte: utc('2026-01-01') });
    expect(range('created:<2026-01-01')).toEqual({ lt: utc('2026-01-01') });
    expect(range('created:<=2026-01-01')).toEqual({ lt: utc('2026-01-01') + DAY });
  });

  it('includes both ends of a range, and accepts it written backwards', () => {
    expect(range('created:2026-01-01..2026-02-01')).toEqual({
      gte: utc('2026-01-01'),
      lt: utc('2026-02-02'),
    });
    expect(range('created:2026-02-01..2026-01-01')).toEqual({
      gte: utc('2026-01-01'),
      lt: utc('2026-02-02'),
    });
  });

  it('accepts open ranges, months and years', () => {
    expect(range('created:2026-03..')).toEqual({ gte: utc('2026-03-01') });
    expect(range('created:..2025')).toEqual({ lt: utc('2026-01-01') });
    expect(range('created:2026-02')).toEqual({ gte: utc('2026-02-01'), lt: utc('2026-03-01') });
  });

  it('rejects dates that do not exist rather than rolling them over', () => {
    expect(only('created:2026-02-30')).toMatchObject({ kind: 'text' });
    expect(only('created:2026-13-01')).toMatchObject({ kind: 'text' });
    expect(only('created:..')).toMatchObject({ kind: 'text' });
  });
});

describe("created: days of the user's time zone", () => {
  const range = (q: string, timeZone: string): unknown => {
    const [n] = parseQuery(q, { timeZone }).children;
    return n?.kind === 'created' ? n.range : n;
  };
  const at = (iso: string): number => Date.parse(iso);

  it('a day in New York runs from 05:00Z to 05:00Z the next day in January', () => {
    expect(range('created:2026-01-15', 'America/New_York')).toEqual({
      gte: at('2026-01-15T05:00:00Z'),
      lt: at('2026-01-16T05:00:00Z'),
    });
    expect(range('created:>2026-01-15', 'America/New_York')).toEqual({ gte: at('2026-01-16T05:00:00Z') });
    expect(range('created:<2026-01-15', 'America/New_York')).toEqual({ lt: at('2026-01-15T05:00:00Z') });
  });

  it('a day, month or range across a change of daylight saving time ends at the right hour', () => {
    // 8 March 2026: New York springs forward; the day is 23 hours long.
    expect(range('created:2026-03-08', 'America/New_York')).toEqual({
      gte: at('2026-03-08T05:00:00Z'),
      lt: at('2026-03-09T04:00:00Z'),
    });
    expect(range('created:2026-03', 'America/New_York')).toEqual({
      gte: at('2026-03-01T05:00:00Z'),
      lt: at('2026-04-01T04:00:00Z'),
    });
    expect(range('created:2026-10-20..2026-10-25', 'Europe/Berlin')).toEqual({
      gte: at('2026-10-19T22:00:00Z'),
      lt: at('2026-10-25T23:00:00Z'),
    });
  });

  it('a day without a midnight starts when its clocks start', () => {
    // 6 September 2026 in Santiago: 00:00 (−04) jumps to 01:00 (−03), so the day begins at 04:00Z.
    expect(range('created:2026-09-06', 'America/Santiago')).toEqual({
      gte: at('2026-09-06T04:00:00Z'),
      lt: at('2026-09-07T03:00:00Z'),
    });
  });

  it('a zone ahead of UTC starts its day the evening before, in UTC', () => {
    expect(range('created:2026', 'Asia/Tokyo')).toEqual({
      gte: at('2025-12-31T15:00:00Z'),
      lt: at('2026-12-31T15:00:00Z'),
    });
  });
});

describe('duration: (seconds)', () => {
  const range = (q: string): unknown => {
    const n = only(q);
    return n.kind === 'duration' ? n.range : n;
  };

  it('reads comparisons, exact values and inclusive ranges', () => {
    expect(range('duration:>60')).toEqual({ gt: 60 });
    expect(range('duration:>=60')).toEqual({ gte: 60 });
    expect(range('duration:<60')).toEqual({ lt: 60 });
    expect(range('duration:<=60')).toEqual({ lte: 60 });
    expect(range('duration:60')).toEqual({ gte: 60, lte: 60 });
    expect(range('duration:30..90')).toEqual({ gte: 30, lte: 90 });
  });

  it('understands minutes and hours', () => {
    expect(range('duration:>2m')).toEqual({ gt: 120 });
    expect(range('duration:<1.5h')).toEqual({ lt: 5400 });
  });
});

describe('limits', () => {
  it(`keeps at most ${MAX_TERMS} terms`, () => {
    const q = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    expect(children(q)).toHaveLength(MAX_TERMS);
  });

  it(`cuts a term to ${MAX_TERM_LENGTH} characters`, () => {
    const [leaf] = children('x'.repeat(10_000));
    expect(leaf).toEqual({ kind: 'text', text: 'x'.repeat(MAX_TERM_LENGTH), phrase: false });
  });

  it('drops NUL and other control characters, and repairs lone surrogates', () => {
    expect(lex('caf\u0000e \u0002x\u0003').map((t) => t.value)).toEqual(['caf', 'e', 'x']);
    expect(lex('a\uD800b').map((t) => t.value)).toEqual(['a\uFFFDb']);
  });

  it('gives each token its span in the query as typed, a negation and quotes included', () => {
    const query = ' a -"b c"  key:"v w" \u0001x:y\uD800 "open';
    const spans = lex(query).map((t) => query.slice(t.start, t.end));
    expect(spans).toEqual(['a', '-"b c"', 'key:"v w"', 'x:y\uD800', '"open']);
  });
});
