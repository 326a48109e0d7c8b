// 100,000 results: the list renders only the rows on screen and fetches result pages as they come
// into view, so the far end of the list is as quick to reach as the top.
import { expect, results, searchBox, test } from './fixtures';

test('a list of 100,000 results renders only what is on screen and loads pages lazily', async ({
  page,
  demo,
}) => {
  // The list is what is under test, not the sync: pages of 1,000 make the first sync ten times shorter.
  test.setTimeout(480_000);
  const server = await demo({ recordings: 100_000, pageSize: 1_000 });
  // Count the searches the page asks the service for (one WebSocket frame each).
  const searches: number[] = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', (frame) => {
      const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8');
      const call = JSON.parse(text) as { channel?: string; args?: { offset?: number } };
      if (call.channel === 'search:query') searches.push(call.args?.offset ?? 0);
    });
  });
  // The fixture opened the page before the listener existed: open it again so its socket is seen.
  await page.reload();

  await page.getByLabel('API URL').fill(server.url);
  await page.getByLabel('API token').fill(server.adminToken);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // While it syncs, the status bar shows pages and records, and the list fills as pages arrive.
  await expect(page.getByRole('progressbar', { name: 'Sync progress' })).toBeVisible();
  await expect(page.getByText(/Syncing: page [\d,]+ of 100, [\d,]+ records/)).toBeVisible();
  await expect(page.getByTestId('result-count')).toHaveText('100,000 recordings', { timeout: 400_000 });
  await expect(page.getByTestId('last-sync')).toContainText('Last synced');
  const list = results(page);
  await expect(list).toHaveAttribute('aria-label', 'Recordings, 100000 results');
  const rendered = await list.getByRole('option').count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(60);

  // To the very end with the keyboard: the last row is there, with its data, and still few rows exist.
  const before = searches.length;
  await searchBox(page).press('ArrowDown');
  await page.keyboard.press('End');
  const last = list.locator('[aria-posinset="100000"]');
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last.locator('.title')).not.toBeEmpty();
  expect(await list.getByRole('option').count()).toBeLessThan(60);
  // Only the pages around the end were fetched, not the 998 in between.
  expect(searches.length - before).toBeLessThan(6);
  expect(Math.max(...searches)).toBeGreaterThanOrEqual(99_900);

  // And back up a screen with PageUp: rows near the end, loaded on demand.
  await page.keyboard.press('PageUp');
  await expect(list.locator('[aria-selected="true"]')).not.toHaveAttribute('aria-posinset', '100000');
  await expect(list.locator('[aria-selected="true"] .title')).not.toBeEmpty();
});
