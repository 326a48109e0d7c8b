import { describe, expect, it } from 'vitest';
import {
  createdOptions,
  dateRangeValue,
  formatQualifier,
  optionLabel,
  parseDateRangeValue,
  readChip,
  setChip,
  TYPE_OPTIONS,
} from '../../src/renderer/src/logic/query-chips';
import { parseQuery } from '../../src/main/search/parse';
import { lex, MAX_TERMS } from '../../src/shared/query-lex';

describe('reading chips from the query', () => {
  it('finds qualifiers typed by hand, any case', () => {
    const q = 'checkout TYPE:live platform:"screendesk app" duration:>90';
    expect(readChip(q, 'type')).toBe('live');
    expect(readChip(q, 'platform')).toBe('screendesk app');
    expect(readChip(q, 'duration')).toBe('>90');
    expect(readChip(q, 'created')).toBeNull();
  });

  it('ignores negated qualifiers and words that only look like qualifiers', () => {
    expect(readChip('-type:live', 'type')).toBeNull();
    expect(readChip('"type:live"', 'type')).toBeNull();
    expect(readChip('type:', 'type')).toBeNull();
  });

  it('cuts tokens where the search parser does', () => {
    expect(lex('a "b c" -d key:"v w" x:y').map((t) => [t.key ?? null, t.value, t.negated])).toEqual([
      [null, 'a', false],
      [null, 'b c', false],
      [null, 'd', true],
      ['key', 'v w', false],
      ['x', 'y', false],
    ]);
  });
});

describe('writing chips into the query', () => {
  it('adds, replaces and removes one qualifier, leaving the words alone', () => {
    let q = 'checkout error';
    q = setChip(q, 'type', 'live');
    expect(q).toBe('checkout error type:live');
    q = setChip(q, 'type', 'sent');
    expect(q).toBe('checkout error type:sent');
    q = setChip(q, 'platform', 'screendesk app');
    expect(q).toBe('checkout error type:sent platform:"screendesk app"');
    q = setChip(q, 'type', null);
    expect(q).toBe('checkout error platform:"screendesk app"');
  });

  it('replaces every copy of the qualifier but keeps an exclusion', () => {
    expect(setChip('type:live x type:sent -type:received', 'type', 'received')).toBe(
      'x -type:received type:received',
    );
  });

  it('writes what the search parser reads back as the same filter', () => {
    for (const [key, value] of [
      ['type', 'live'],
      ['platform', 'screendesk app'],
      ['created', '>=2026-01-01'],
      ['created', '2026-01-01..2026-02-01'],
      ['duration', '60..300'],
      ['duration', '<60'],
    ] as const) {
      const tree = parseQuery(setChip('crash', key, value));
      const filter = tree.children[1];
      expect(filter?.kind, `${key}:${value}`).toBe(key);
    }
  });

  it('quotes values with spaces and strips quotes a value cannot hold', () => {
    expect(formatQualifier('platform', 'screendesk app')).toBe('platform:"screendesk app"');
    expect(formatQualifier('type', 'li"ve')).toBe('type:live');
  });
});

describe('date range chip', () => {
  it('offers presets relative to today', () => {
    const opts = createdOptions(new Date(2026, 10, 15));
    expect(opts.map((o) => o.value)).toEqual(['>=2026-11-08', '>=2026-10-16', '>=2026-08-17', '2026']);
  });

  it('turns two days into a range and back', () => {
    expect(dateRangeValue('2026-01-01', '2026-01-31')).toBe('2026-01-01..2026-01-31');
    expect(dateRangeValue('2026-01-01', '')).toBe('>=2026-01-01');
    expect(dateRangeValue('', '2026-01-31')).toBe('<=2026-01-31');
    expect(dateRangeValue(' ', '')).toBeNull();
    expect(parseDateRangeValue('2026-01-01..2026-01-31')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(parseDateRangeValue('>=2026-01-01')).toEqual({ from: '2026-01-01', to: '' });
    expect(parseDateRangeValue('>2026-01')).toBeNull();
  });

  it('labels a known value and leaves an unknown one to show as typed', () => {
    expect(optionLabel(TYPE_OPTIONS, 'LIVE')).toBe('Live');
    expect(optionLabel(TYPE_OPTIONS, 'video')).toBeNull();
  });
});

describe('chips and the search read one query alike', () => {
  // The value the search applies for `key`: the last non-negated key:value token, as the search lexes it.
  const searched = (query: string, key: string): string | null =>
    lex(query).findLast((t) => t.key === key && !t.negated)?.value ?? null;

  it('show on each chip the value the search filters by', () => {
    const words = Array.from({ length: MAX_TERMS }, (_, i) => `w${i}`).join(' ');
    for (const query of [
      'checkout TYPE:live platform:"screendesk app" duration:>90',
      '-type:live type:sent "type:received"',
      'platform:"help scout',
      'créé 결제 platform:zendesk -"card declined" created:2026-01..2026-02',
      // Beyond the search's term limit: the search ignores the qualifier, so the chip must too.
      `${words} type:live`,
      // A control character pasted into the box separates tokens for the search.
      'type:sent\u0001platform:jira',
      // The search cuts a value at its length limit.
      `platform:"${'x'.repeat(300)}"`,
    ]) {
      for (const key of ['type', 'platform', 'created', 'duration'] as const) {
        expect(readChip(query, key), `${key} in ${JSON.stringify(query.slice(0, 80))}`).toBe(
          searched(query, key),
        );
      }
    }
  });

  it('write a chip where the search reads it, also in a query at the term limit', () => {
    const words = Array.from({ length: MAX_TERMS }, (_, i) => `w${i}`).join(' ');
    const query = setChip(words, 'type', 'live');
    expect(readChip(query, 'type')).toBe('live');
    expect(parseQuery(query).children).toContainEqual({ kind: 'type', value: 'Live' });
    // Every word is kept, so removing the chip again gives the query back.
    expect(setChip(query, 'type', null)).toBe(words);
  });
});
