// Settings and the keyboard: the sync interval is kept, the data folder is shown, signing out can
// delete the cache, and Ctrl+K reaches the search box from anywhere.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, results, searchBox, signInDemo, test } from './fixtures';
import { callService } from '../helpers/call-service';

test('settings keep the sync interval, show the data folder, and sign out deleting the cache', async ({
  page,
  host,
}) => {
  await signInDemo(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  const interval = page.getByLabel('Sync in the background');
  await interval.selectOption('60');
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('Sync in the background')).toHaveValue('60');

  const dataDir = (await callService(host.service, 'app:info')).dataDir;
  await expect(page.getByText(dataDir, { exact: true })).toBeVisible();
  const accountId = (await callService(host.service, 'account:state')).accountId ?? '';
  const cacheFiles = (): string[] =>
    (existsSync(dataDir) ? readdirSync(dataDir, { recursive: true }) : []).map(String);
  expect(cacheFiles().some((f) => f.includes(accountId))).toBe(true);

  await page.getByRole('button', { name: 'Sign out…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign out?' });
  await dialog.getByLabel("Also delete this account's cache").check();
  await dialog.getByRole('button', { name: 'Sign out and delete cache' }).click();
  await expect(page.getByRole('button', { name: 'Try demo data' })).toBeVisible();
  expect(cacheFiles().some((f) => f.includes(accountId))).toBe(false);
  expect(existsSync(join(dataDir))).toBe(true);
});

test('Ctrl+K focuses the search box from any view; j/k and Enter work in the list', async ({ page }) => {
  await signInDemo(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Overview' }).click();
  await expect(searchBox(page)).toHaveCount(0);
  await page.keyboard.press('Control+k');
  await expect(searchBox(page)).toBeFocused();

  await searchBox(page).press('ArrowDown');
  const options = results(page).getByRole('option');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(results(page)).toHaveAttribute('aria-activedescendant', 'result-1');
  const title = (await options.nth(1).locator('.title').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  // Enter in the search box opens the top result of what was just typed.
  await page.keyboard.press('Control+k');
  await searchBox(page).fill('type:live');
  await searchBox(page).press('Enter');
  // The heading, not any text: a demo summary may say "A live call where…" too.
  await expect(page.getByRole('article').getByRole('heading', { name: 'Live call' })).toBeVisible();
});

test('the date chip writes presets and a custom range into the query', async ({ page }) => {
  await signInDemo(page);
  const created = page.getByLabel('Created', { exact: true });
  await created.selectOption({ label: 'This year' });
  await expect(searchBox(page)).toHaveValue(`created:${new Date().getFullYear()}`);
  await created.selectOption({ label: 'Custom range…' });
  await page.getByLabel('From', { exact: true }).fill('2026-01-01');
  await page.getByLabel('To', { exact: true }).fill('2026-03-31');
  await expect(searchBox(page)).toHaveValue('created:2026-01-01..2026-03-31');
  await expect(created).toHaveValue('2026-01-01..2026-03-31');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(searchBox(page)).toHaveValue('');
  await expect(page.getByTestId('result-count')).toHaveText('250 recordings');
});
