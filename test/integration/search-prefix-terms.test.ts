// A word's prefix asked for as the index's terms by name (src/main/search/prefix-terms.ts): the same
// recordings as the prefix query, also right after another connection (a sync) or this one stored a
// recording with a new term, and the prefix query itself wherever the names cannot stand for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDb } from '../../src/main/db';
import { openAccountDb, openAccountDbForReading } from '../../src/main/db';
import { searchRecordings } from '../../src/main/search';
import { compileQuery } from '../../src/main/search/compile';
import { parseQuery } from '../../src/main/search/parse';
import { MAX_TERMS, prefixTerms } from '../../src/main/search/prefix-terms';
import { recording } from '../helpers/db-fixtures';
import { tempDataDir } from '../helpers/db-temp';

let writer: AccountDb;
let reader: AccountDb;

beforeAll(() => {
  const dataDir = tempDataDir();
  writer = openAccountDb({ dataDir, accountId: 'prefix-terms' });
  writer.recordings.upsertPage([
    recording({ uuid: 'plain', title: 'Checkout button does nothing' }),
    recording({ uuid: 'joined', title: 'CheckoutForm crashes', summary: 'The button is grey' }),
    recording({ uuid: 'plural', title: 'Two checkouts at once' }),
    recording({ uuid: 'logs', title: 'Blank page', console_logs: 'TypeError in checkoutSummary.render' }),
    recording({ uuid: 'other', title: 'Login loops forever' }),
    recording({ uuid: 'accent', title: 'Café Lumière menu' }),
    // More terms with one prefix than are asked for by name.
    ...Array.from({ length: MAX_TERMS + 4 }, (_, i) =>
      recording({ uuid: `many-${i}`, title: `Error code zeta${i}x` }),
    ),
  ]);
  reader = openAccountDbForReading({ dataDir, accountId: 'prefix-terms' });
});

afterAll(() => {
  reader.close();
  writer.close();
});

const found = (adb: AccountDb, query: string): string[] =>
  searchRecordings(adb, { query, sort: 'oldest', limit: 100 }).results.map((r) => r.uuid);

describe('a word asked for by the names of its terms', () => {
  it('finds every recording its prefix finds', () => {
    expect(found(reader, 'checkout')).toEqual(['plain', 'joined', 'plural', 'logs']);
    expect(found(reader, 'checkout button')).toEqual(['plain', 'joined']);
    expect(found(reader, 'checkout -checkoutform')).toEqual(['plain', 'plural', 'logs']);
    expect(found(reader, 'CHECKOUTF page')).toEqual([]);
    expect(found(reader, 'nothingstartslikethis checkout')).toEqual([]);
  });

  it('is how the query asks for it: the terms by name instead of the prefix', () => {
    const { match } = compileQuery(parseQuery('checkout button'), prefixTerms(reader.sqlite));
    expect(match).toBe('("checkout" OR "checkoutform" OR "checkouts" OR "checkoutsummary") AND ("button")');
  });

  it('keeps the prefix where names cannot stand for it: many terms, other scripts, short words', () => {
    const expand = prefixTerms(reader.sqlite);
    expect(expand('zeta')).toBeNull();
    expect(found(reader, 'zeta error')).toHaveLength(MAX_TERMS + 4);
    expect(expand('café')).toBeNull();
    expect(found(reader, 'café lumi')).toEqual(['accent']);
    expect(found(reader, 'cafe lumière')).toEqual(['accent']);
    const { match } = compileQuery(parseQuery('zeta ch'), expand);
    expect(match).toBe('"zeta"* AND "ch"*');
  });

  it('finds a recording stored by another connection since the terms were listed', () => {
    expect(found(reader, 'checkout')).not.toContain('later');
    writer.recordings.upsertPage([recording({ uuid: 'later', title: 'checkoutpage times out' })]);
    expect(found(reader, 'checkout')).toContain('later');
    expect(found(reader, 'checkoutp')).toEqual(['later']);
  });

  it('finds a recording the same connection stored since the terms were listed', () => {
    expect(found(writer, 'checkout')).not.toContain('own');
    writer.recordings.upsertPage([recording({ uuid: 'own', title: 'checkoutwizard step two' })]);
    expect(found(writer, 'checkout')).toContain('own');
  });
});
