// A sync against a server whose list comes back incomplete: the user keeps every recording, and the
// status bar says how many were kept unconfirmed and why, until a sync against a healthy server.
import { test, expect } from './fixtures';

test('an incomplete list keeps the recordings and the status bar says why', async ({ page, demo }) => {
  const server = await demo({ recordings: 250 });
  await page.getByLabel('API URL').fill(server.url);
  await page.getByLabel('API token').fill(server.adminToken);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('result-count')).toHaveText('250 recordings');

  // Page 3 comes back empty and the one-by-one checks are refused (API access switched off).
  server.faults.add({ kind: 'records', records: [], page: 3 });
  server.faults.add({ kind: 'status', status: 403, method: 'GET', path: /\/recordings\/[^/]+$/ });
  await page.getByRole('button', { name: 'Sync now' }).click();
  const kept = page.getByTestId('sync-kept');
  await expect(kept).toContainText('50 recordings kept until the server confirms they are gone');
  await expect(kept).toContainText('page 3 came back empty');
  await expect(kept).toContainText('could not confirm: the server answered 403');
  await expect(page.getByTestId('result-count')).toHaveText('250 recordings');

  server.faults.clear();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(kept).toHaveCount(0);
  await expect(page.getByTestId('result-count')).toHaveText('250 recordings');
});
