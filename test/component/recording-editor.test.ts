// The recording's editor as a user meets it: the title's limit while typing, and what a save queues.
import { screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import RecordingEditor from '../../src/renderer/src/components/RecordingEditor.svelte';
import { fakeApi } from './fake-api';
import { editItem, IDLE } from './fixtures';
import { renderSignedIn } from './render';

afterEach(() => cleanup());

const SERVER = { title: 'Checkout fails', summary: 'Card declined', description: null };

function editor(local = editItem()) {
  const fake = fakeApi({
    'sync:status': () => IDLE,
    'outbox:counts': () => ({ pending: 1, failed: 0, conflict: 0 }),
    'outbox:list': () => [local],
    'outbox:edit': (args) => ({ ...local, fields: { ...local.fields, ...args.fields } }),
  });
  const shown = { ...SERVER, title: String(local.fields.title) };
  renderSignedIn(fake, RecordingEditor, { uuid: 'rec-1', shown, server: SERVER, local });
  return fake;
}

describe('RecordingEditor', () => {
  it('a title over the limit says so while typing and cannot be saved; back under it, it can', async () => {
    const user = userEvent.setup();
    editor();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const title = screen.getByLabelText('Title');
    await user.clear(title);
    await user.click(title);
    await user.paste('x'.repeat(256));

    expect(screen.getByText('1 character too many')).toBeTruthy();
    expect(screen.getByText(/^Title is too long: 256 characters, at most 255 are allowed/)).toBeTruthy();
    expect(title.getAttribute('aria-invalid')).toBe('true');
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    await user.type(title, '{Backspace}');
    expect(screen.getByText('0 characters left')).toBeTruthy();
    expect(screen.queryByText(/^Title is too long: 256 characters, at most 255 are allowed/)).toBeNull();
    expect(save.disabled).toBe(false);
  });

  it('shows the queued edit, and a save sends only the changed field with the server values it saw', async () => {
    const user = userEvent.setup();
    const fake = editor();
    expect(screen.getByRole('heading', { name: 'Checkout fails with 2FA' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Checkout fails with 2FA');
    const summary = screen.getByLabelText('Summary');
    await user.clear(summary);
    await user.type(summary, 'Declined twice');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(fake.argsOf('outbox:edit')).toHaveLength(1));
    expect(fake.argsOf('outbox:edit')[0]).toEqual({
      uuid: 'rec-1',
      fields: { summary: 'Declined twice' },
      from: SERVER,
    });
    // Saved: the form closes and the list of queued edits is read again.
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit recording' })).toBeNull());
    expect(fake.argsOf('outbox:list').length).toBeGreaterThanOrEqual(2);
  });

  it('a refusal keeps the form open with the reason', async () => {
    const user = userEvent.setup();
    const fake = editor();
    fake.answer({ 'outbox:edit': () => ({ code: 'validation', message: "Title can't be blank" }) });
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.type(screen.getByLabelText('Summary'), ' again');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The edit could not be queued');
    expect(screen.getByRole('form', { name: 'Edit recording' })).toBeTruthy();
  });
});
