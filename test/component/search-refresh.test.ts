// A refresh after a sync (SearchState.run(true)) keeps the highlighted result; when the query had found
// nothing before and the sync brings its first results, the top one is highlighted, so that Enter in the
// search box opens it (it did nothing: the highlight stayed "none" while the list showed a result).
import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResult } from '../../src/shared/contract';
import { SearchState } from '../../src/renderer/src/stores/search.svelte';
import { fakeApi } from './fake-api';
import { searchHit } from './fixtures';

const page = (results: SearchHit[]): SearchResult => ({
  total: results.length,
  totalExact: true,
  results,
  sort: 'relevance',
  reason: null,
});

describe('a refresh after a sync', () => {
  it('highlights the first result when the query had found nothing before', async () => {
    const fake = fakeApi({ 'search:query': () => page([]) });
    const search = new SearchState(fake.api);
    search.setQuery('screen tour');
    await search.flush();
    expect(search.active).toBe(-1);
    fake.answer({ 'search:query': () => page([searchHit('tour', 'Screen tour')]) });
    await search.run(true);
    expect(search.total).toBe(1);
    expect(search.active).toBe(0);
  });

  it('keeps the highlighted result where it was, and within the list when it shrank', async () => {
    const three = [searchHit('a', 'A'), searchHit('b', 'B'), searchHit('c', 'C')];
    const fake = fakeApi({ 'search:query': () => page(three) });
    const search = new SearchState(fake.api);
    search.setQuery('letters');
    await search.flush();
    search.active = 2;
    await search.run(true);
    expect(search.active).toBe(2);
    fake.answer({ 'search:query': () => page(three.slice(0, 2)) });
    await search.run(true);
    expect(search.active).toBe(1);
  });
});
