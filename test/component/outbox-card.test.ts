// A conflicting edit in the Outbox as a user meets it: mine and theirs side by side, and each choice
// goes to the service and shows what came of it.
import { cleanup, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/shared/contract';
import OutboxView from '../../src/renderer/src/views/OutboxView.svelte';
import { fakeApi, refusal } from './fake-api';
import { editItem, IDLE } from './fixtures';
import { renderSignedIn } from './render';

afterEach(() => cleanup());

const CONFLICT = editItem({
  status: 'conflict',
  error: 'Someone changed the title on the server meanwhile.',
  theirs: { title: 'Checkout fails on Safari' },
  conflicts: ['title'],
});

/** The Outbox over a service whose queue is `queue` (changed by the test as the service would). */
function outbox(queue: { items: OutboxItem[] }) {
  const fake = fakeApi({
    'sync:status': () => IDLE,
    'outbox:counts': () => ({ pending: 0, failed: 0, conflict: queue.items.length }),
    'outbox:list': () => queue.items,
  });
  renderSignedIn(fake, OutboxView, {});
  return fake;
}

async function card(): Promise<HTMLElement> {
  return screen.findByRole('article', { name: 'Checkout fails' });
}

describe('OutboxCard', () => {
  it('shows mine and theirs; keep mine sends my choice and the card shows the edit waiting again', async () => {
    const user = userEvent.setup();
    const queue = { items: [CONFLICT] };
    const fake = outbox(queue);
    const c = await card();
    expect(within(c).getByTestId('conflict-mine').textContent).toBe('Checkout fails with 2FA');
    expect(within(c).getByTestId('conflict-theirs').textContent).toBe('Checkout fails on Safari');
    expect(within(c).getByTestId('edit-badge').textContent).toBe('Conflict');

    fake.answer({
      'outbox:resolve': () => {
        queue.items = [{ ...CONFLICT, status: 'pending', error: null, theirs: null, conflicts: [] }];
        return null;
      },
    });
    await user.click(within(c).getByRole('button', { name: 'Keep mine' }));

    expect(fake.argsOf('outbox:resolve')).toEqual([{ id: 7, choice: 'keep-mine' }]);
    await waitFor(() => expect(within(c).getByTestId('edit-badge').textContent).toBe('Waiting to sync'));
    expect(within(c).queryByRole('button', { name: 'Keep mine' })).toBeNull();
  });

  it('take theirs sends that choice and the edit leaves the outbox', async () => {
    const user = userEvent.setup();
    const queue = { items: [CONFLICT] };
    const fake = outbox(queue);
    const c = await card();
    fake.answer({
      'outbox:resolve': () => {
        queue.items = [];
        return null;
      },
    });
    await user.click(within(c).getByRole('button', { name: 'Take theirs' }));

    expect(fake.argsOf('outbox:resolve')).toEqual([{ id: 7, choice: 'take-theirs' }]);
    expect(await screen.findByText('Nothing waiting')).toBeTruthy();
  });

  it('a refused choice keeps the conflict on screen with the reason', async () => {
    const user = userEvent.setup();
    const fake = outbox({ items: [CONFLICT] });
    const c = await card();
    fake.answer({ 'outbox:resolve': () => refusal('The server cannot be reached.', 'network') });
    await user.click(within(c).getByRole('button', { name: 'Keep mine' }));

    expect((await within(c).findByRole('alert')).textContent).toContain('server cannot be reached');
    expect(within(c).getByTestId('edit-badge').textContent).toBe('Conflict');
    expect((within(c).getByRole('button', { name: 'Keep mine' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
