// Signing in: the production URL is prefilled, a token is needed, and each way it can fail says what
// happened in words a person can act on.
import { test, expect } from './fixtures';

test.describe('sign in', () => {
  test('prefills the production API URL and explains where tokens come from', async ({ page }) => {
    await expect(page.getByLabel('API URL')).toHaveValue('https://app.screendesk.io/api/v2');
    await expect(page.getByText('Create a token in your Screendesk account settings')).toBeVisible();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('Paste your API token.')).toBeVisible();
    await expect(page.getByLabel('API token')).toHaveAttribute('aria-invalid', 'true');
  });

  test('a rejected token (401) says the token was not accepted', async ({ page, demo }) => {
    const server = await demo();
    await page.getByLabel('API URL').fill(server.url);
    await page.getByLabel('API token').fill('not-a-real-token');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('did not accept this token (401)');
    await expect(page.getByRole('heading', { name: 'Screendesk Desktop' })).toBeVisible();
  });

  test('an account without API access (403) is told to ask for it', async ({ page, demo }) => {
    const server = await demo();
    server.faults.add({
      kind: 'status',
      status: 403,
      body: JSON.stringify({ error: 'API access is not enabled for this account' }),
    });
    await page.getByLabel('API URL').fill(server.url);
    await page.getByLabel('API token').fill(server.adminToken);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('no API access (403)');
  });

  test('an unreachable server says so', async ({ page, demo }) => {
    const server = await demo();
    const url = server.url;
    await server.close();
    await page.getByLabel('API URL').fill(url);
    await page.getByLabel('API token').fill('any-token');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('could not be reached');
  });

  test('a good token signs in and syncs the account', async ({ page, demo }) => {
    const server = await demo({ recordings: 40 });
    await page.getByLabel('API URL').fill(server.url);
    await page.getByLabel('API token').fill(server.adminToken);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('result-count')).toHaveText('40 recordings');
    await expect(page.getByTestId('connectivity')).toHaveText(/Online/);
  });
});
