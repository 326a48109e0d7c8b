// The support lead's afternoon, end to end: try the demo, sync, find recordings as you type (with
// qualifiers and chips), open one with the keyboard, fix its title while the server is down, and see the
// edit arrive once the server is back.
import { startDemoServer } from '../../src/main/demo';
import { expect, results, searchBox, signInDemo, test } from './fixtures';

test('demo sign-in, search, open, edit offline, and the edit arrives when back online', async ({
  page,
  host,
}) => {
  await signInDemo(page);

  // Results as you type, with the matched words highlighted.
  await searchBox(page).fill('passw');
  await expect(page.getByTestId('result-count')).not.toHaveText('250 recordings');
  const first = results(page).getByRole('option').first();
  await expect(first.locator('mark').first()).toHaveText(/passw/i);

  // A chip writes its qualifier into the query; every row then matches it.
  await searchBox(page).fill('');
  await page.getByLabel('Type', { exact: true }).selectOption('live');
  await expect(searchBox(page)).toHaveValue('type:live');
  const server = host.service.demoServer;
  if (!server) throw new Error('the demo server should be running');
  const live = server.data.list().filter((r) => r.metadata?.recording_type === 'Live').length;
  await expect(page.getByTestId('result-count')).toHaveText(`${live} recordings`);
  const typeLabels = await results(page).getByRole('option').locator('.type').allTextContents();
  expect(typeLabels.length).toBeGreaterThan(0);
  expect(new Set(typeLabels)).toEqual(new Set(['Live']));

  // A qualifier typed by hand shows on its chip.
  await searchBox(page).fill('duration:>900');
  await expect(page.getByLabel('Duration', { exact: true })).toHaveValue('>900');
  await expect(page.getByLabel('Type', { exact: true })).toHaveValue('');
  const long = server.data.list().filter((r) => (r.metadata?.duration ?? 0) > 900).length;
  await expect(page.getByTestId('result-count')).toHaveText(`${long} recordings`);

  // Keyboard: ↓ from the search box into the list, j to the second row, Enter opens it.
  await searchBox(page).fill('');
  await expect(page.getByTestId('result-count')).toHaveText('250 recordings');
  const secondTitle = (await results(page).getByRole('option').nth(1).locator('.title').textContent()) ?? '';
  await searchBox(page).press('ArrowDown');
  await expect(results(page)).toBeFocused();
  await page.keyboard.press('j');
  await expect(results(page).getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondTitle);

  // "Open in Screendesk" hands the recording's https URL to the system browser (the host records it).
  await page.getByRole('button', { name: 'Open in Screendesk' }).click();
  await expect.poll(() => host.opened.length).toBe(1);
  const opened = host.opened[0] ?? '';
  expect(opened).toMatch(/^https:\/\/app\.screendesk\.io\/recordings\//);
  const uuid = opened.split('/').pop() ?? '';
  expect(server.data.get(uuid)?.title).toBe(secondTitle);

  // The server goes away; the edit is queued and shown at once, waiting to sync.
  const port = Number(new URL(server.url).port);
  await server.close();
  const newTitle = 'Checkout fails after 2FA (fixed offline)';
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Title').fill(newTitle);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newTitle);
  await expect(page.getByRole('article').getByTestId('edit-badge')).toHaveText('Waiting to sync');
  await expect(page.getByTestId('connectivity')).toContainText('Offline');
  await expect(page.getByTestId('pending-count')).toHaveText('1 edit not synced');

  // The cache keeps working offline: is:edited finds the recording, shown with my title and its badge.
  await searchBox(page).fill('is:edited');
  await expect(page.getByTestId('result-count')).toHaveText('1 recording');
  const edited = results(page).getByRole('option').first();
  await expect(edited.locator('.title')).toHaveText(newTitle);
  await expect(edited.getByTestId('edit-badge')).toHaveText('Waiting to sync');

  // The Outbox lists it as pending.
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Outbox/ })
    .click();
  const item = page.getByTestId('outbox-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(newTitle);
  await expect(item.getByTestId('edit-badge')).toHaveText('Waiting to sync');

  // Back online (the same server, same data, same port): Sync now sends the edit.
  const again = await startDemoServer({ port });
  try {
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => again.data.get(uuid)?.title, { timeout: 30_000 }).toBe(newTitle);
    await expect(page.getByTestId('connectivity')).toHaveText(/Online/);
    await expect(page.getByText('Nothing waiting')).toBeVisible();
    await expect(page.getByTestId('pending-count')).toHaveText('No pending edits');
  } finally {
    await again.close();
  }
});
