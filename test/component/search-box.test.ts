// The search box as a user meets it: what is typed becomes the query sent to the service, its
// qualifiers show as chips, and a chip picked writes its qualifier back into the box.
import { cleanup, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import SearchPanel from '../../src/renderer/src/components/SearchPanel.svelte';
import { fakeApi } from './fake-api';
import { IDLE, searchHit } from './fixtures';
import { renderSignedIn } from './render';

afterEach(() => cleanup());

function panel() {
  const fake = fakeApi({
    'sync:status': () => IDLE,
    'outbox:counts': () => ({ pending: 0, failed: 0, conflict: 0 }),
    'outbox:list': () => [],
    'search:query': ({ query }) => {
      const results =
        query === '' ? [] : [searchHit('a', 'Checkout crash'), searchHit('b', 'Crash on login')];
      return { total: results.length, results, sort: 'relevance', reason: null };
    },
  });
  renderSignedIn(fake, SearchPanel, {});
  const queries = (): string[] => fake.argsOf('search:query').map((a) => a.query);
  return { fake, queries };
}

describe('SearchBox', () => {
  it('typing issues the query, and its qualifiers show as chips', async () => {
    const user = userEvent.setup();
    const { queries } = panel();
    await waitFor(() => expect(queries()).toEqual(['']));
    const box = screen.getByRole('searchbox', { name: 'Search recordings' });
    await user.type(box, 'type:live crash');

    await waitFor(() => expect(queries().at(-1)).toBe('type:live crash'));
    const type = screen.getByLabelText('Type') as HTMLSelectElement;
    expect(type.value).toBe('live');
    expect((screen.getByLabelText('Platform') as HTMLSelectElement).value).toBe('');
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('result-count').textContent?.trim()).toBe('2 recordings'));
  });

  it('a chip picked writes its qualifier into the box and searches with it', async () => {
    const user = userEvent.setup();
    const { queries } = panel();
    const box = screen.getByRole('searchbox', { name: 'Search recordings' }) as HTMLInputElement;
    await user.type(box, 'crash');
    await waitFor(() => expect(queries().at(-1)).toBe('crash'));

    await user.selectOptions(screen.getByLabelText('Platform'), 'zendesk');
    await waitFor(() => expect(queries().at(-1)).toBe('crash platform:zendesk'));
    expect(box.value).toBe('crash platform:zendesk');
  });
});
