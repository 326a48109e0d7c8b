// Search as you type, as a user sees it: the first keystroke already lists matches, text with nothing to
// search for says so under the box instead of listing everything, and Japanese is found by part of a word.
import { expect, results, searchBox, signInDemo, test } from './fixtures';

test('the first keystrokes of a word show its matches, highlighted', async ({ page }) => {
  await signInDemo(page);
  await searchBox(page).pressSequentially('w');
  await expect(page.getByTestId('result-count')).not.toHaveText(/^(0 recordings|250 recordings)$/);
  await expect(results(page).getByRole('option').first()).toBeVisible();
  await searchBox(page).pressSequentially('e');
  await expect(page.getByTestId('result-count')).not.toHaveText(/^(0 recordings|250 recordings)$/);
  await expect(results(page).locator('mark').filter({ hasText: /^we/i }).first()).toBeVisible();
  await expect(results(page).locator('mark').filter({ hasNotText: /^we/i })).toHaveCount(0);
});

test('emoji alone match nothing and the reason shows under the search box', async ({ page }) => {
  await signInDemo(page);
  await searchBox(page).fill('🙂');
  await expect(page.getByTestId('search-reason')).toHaveText(
    'Nothing to search for in “🙂”: use letters or digits',
  );
  await expect(page.getByTestId('result-count')).toHaveText('0 recordings');
  await expect(results(page)).toHaveCount(0);
  // A word next to it searches again, and the reason goes.
  await searchBox(page).fill('🙂 webhook');
  await expect(results(page).getByRole('option').first()).toContainText('Webhook');
  await expect(page.getByTestId('search-reason')).toHaveCount(0);
});

test('Japanese text is found by a part inside a word', async ({ page, host }) => {
  await signInDemo(page);
  const expected = (host.service.demoServer?.data.list() ?? []).filter((r) =>
    JSON.stringify(r).includes('インでき'),
  ).length;
  expect(expected).toBeGreaterThan(0);
  await searchBox(page).fill('インでき');
  await expect(page.getByTestId('result-count')).toHaveText(
    `${expected} ${expected === 1 ? 'recording' : 'recordings'}`,
  );
  await expect(results(page).getByRole('option').first()).toContainText('ログインできません');
});
