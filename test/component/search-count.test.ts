// The count of a huge match set (issue 13, point 2): the first page does not wait for an exact count.
// It shows "10,000+ recordings" with its rows, then the exact number once it is counted.
import { cleanup, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import SearchPanel from '../../src/renderer/src/components/SearchPanel.svelte';
import type { SearchResult } from '../../src/shared/contract';
import { fakeApi } from './fake-api';
import { IDLE, searchHit } from './fixtures';
import { renderSignedIn } from './render';

afterEach(() => cleanup());

const EXACT = 31_639;

describe('the result count', () => {
  it('shows "10,000+" with the first page, then the exact number', async () => {
    let release: () => void = () => undefined;
    const counted = new Promise<void>((resolve) => (release = resolve));
    const fake = fakeApi({
      'sync:status': () => IDLE,
      'outbox:counts': () => ({ pending: 0, failed: 0, conflict: 0 }),
      'outbox:list': () => [],
      'search:query': async ({ countUpTo }): Promise<SearchResult> => {
        const results = [searchHit('a', 'Error on checkout')];
        // The capped first page answers at once; the exact count waits until the test lets it.
        if (countUpTo !== undefined) {
          return { total: countUpTo, totalExact: false, results, sort: 'relevance', reason: null };
        }
        await counted;
        return { total: EXACT, results, sort: 'relevance', reason: null };
      },
    });
    renderSignedIn(fake, SearchPanel, {});
    const count = (): string | undefined => screen.getByTestId('result-count').textContent?.trim();

    await waitFor(() => expect(count()).toBe('10,000+ recordings'));
    release();
    await waitFor(() => expect(count()).toBe('31,639 recordings'));
    const args = fake.argsOf('search:query');
    expect(args[0]?.countUpTo).toBe(10_000);
    expect(args.some((a) => a.countUpTo === undefined)).toBe(true);
  });

  it('a count below the cap is exact at once, and asked for only once', async () => {
    const fake = fakeApi({
      'sync:status': () => IDLE,
      'outbox:counts': () => ({ pending: 0, failed: 0, conflict: 0 }),
      'outbox:list': () => [],
      'search:query': () => ({
        total: 2,
        totalExact: true,
        results: [searchHit('a', 'One'), searchHit('b', 'Two')],
        sort: 'relevance',
        reason: null,
      }),
    });
    renderSignedIn(fake, SearchPanel, {});
    await waitFor(() => expect(screen.getByTestId('result-count').textContent?.trim()).toBe('2 recordings'));
    expect(fake.argsOf('search:query')).toHaveLength(1);
  });
});
