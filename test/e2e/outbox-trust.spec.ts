// Issue 11 ("Trust"), in the interface: the editor sends only what the user changed, measured against
// what it showed when it opened, so a colleague's change that a background sync brings in meanwhile is
// neither undone nor overwritten unseen; conflicts are per field; and a server that refuses the whole
// account pauses the queue with one problem instead of failing every edit.
import type { Page } from '@playwright/test';
import type { DemoServer } from '../../src/main/demo';
import { expect, expectPairsSideBySide, searchBox, signInDemo, test } from './fixtures';
import { callService } from '../helpers/call-service';

function demoOf(host: { service: { demoServer: DemoServer | null } }): DemoServer {
  const server = host.service.demoServer;
  if (!server) throw new Error('the demo server should be running');
  return server;
}

/** Opens the newest recording and returns its uuid. */
async function openNewest(page: Page, server: DemoServer): Promise<string> {
  const uuid = server.data.uuids()[0] ?? '';
  await searchBox(page).press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    server.data.get(uuid)?.title || 'Untitled recording',
  );
  return uuid;
}

async function openOutbox(page: Page): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Outbox/ })
    .click();
}

test('a colleague’s summary synced in while the editor is open survives a title-only save', async ({
  page,
  host,
}) => {
  await signInDemo(page);
  const server = demoOf(host);
  const uuid = await openNewest(page, server);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  // A background sync brings a colleague's new summary while the admin is typing.
  server.data.update(uuid, { summary: 'Written by a colleague meanwhile' });
  await callService(host.service, 'sync:now');
  await page.getByLabel('Title').fill('Only my title changed');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => server.data.get(uuid)?.title).toBe('Only my title changed');
  expect(server.data.get(uuid)?.summary).toBe('Written by a colleague meanwhile');
});

test('both changed the summary: a conflict on that field, my title still goes out after taking theirs', async ({
  page,
  host,
}) => {
  await signInDemo(page);
  const server = demoOf(host);
  const uuid = await openNewest(page, server);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  server.data.update(uuid, { summary: 'The colleague’s summary' });
  await callService(host.service, 'sync:now');
  await page.getByLabel('Title').fill('My title');
  await page.getByLabel('Summary').fill('My summary');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('article').getByTestId('edit-badge')).toHaveText('Conflict');
  expect(server.data.get(uuid)?.summary).toBe('The colleague’s summary');

  await openOutbox(page);
  const item = page.getByTestId('outbox-item');
  // Only the conflicting field is compared; the title waits outside the decision.
  await expect(item.getByTestId('conflict-mine')).toHaveText(['My summary']);
  await expect(item.getByTestId('conflict-theirs')).toHaveText(['The colleague’s summary']);
  await expect(item.getByTestId('conflict-rest')).toContainText('My title');
  await expectPairsSideBySide(item.getByTestId('conflict-rest').locator('dl'));
  await item.getByRole('button', { name: 'Take theirs' }).click();
  await expect.poll(() => server.data.get(uuid)?.title).toBe('My title');
  expect(server.data.get(uuid)?.summary).toBe('The colleague’s summary');
  await expect(page.getByText('Nothing waiting')).toBeVisible();
});

test('setting the title back to what it was leaves no edit behind', async ({ page, host }) => {
  await signInDemo(page);
  const server = demoOf(host);
  // Offline so the first edit stays queued.
  server.faults.add({ kind: 'status', status: 503, method: 'GET', path: /\/recordings\/[^/]+$/ });
  const uuid = await openNewest(page, server);
  const original = server.data.get(uuid)?.title ?? '';
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Title').fill('A passing idea');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('article').getByTestId('edit-badge')).toHaveText('Waiting to sync');

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Title').fill(original);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('article').getByTestId('edit-badge')).toHaveCount(0);
  await expect(page.getByTestId('pending-count')).toHaveText('No pending edits');
  await searchBox(page).fill('is:edited');
  await expect(page.getByTestId('result-count')).toHaveText('0 recordings');
});

test('a 403 on the GET before a PATCH pauses the queue with one problem; it resumes by itself', async ({
  page,
  host,
}) => {
  await signInDemo(page);
  const server = demoOf(host);
  const uuid = await openNewest(page, server);
  server.faults.add({
    kind: 'status',
    status: 403,
    method: 'GET',
    path: /\/recordings\/[^/]+$/,
    body: JSON.stringify({ error: 'API access is disabled for this account' }),
  });
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Title').fill('Waits for access');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('queue-paused')).toContainText('403');
  await expect(page.getByRole('article').getByTestId('edit-badge')).toHaveText('Waiting to sync');

  await openOutbox(page);
  await expect(page.getByTestId('outbox-paused')).toContainText('paused');
  await expect(page.getByTestId('outbox-item').getByTestId('edit-badge')).toHaveText('Waiting to sync');

  server.faults.clear();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => server.data.get(uuid)?.title).toBe('Waits for access');
  await expect(page.getByTestId('queue-paused')).toHaveCount(0);
  await expect(page.getByText('Nothing waiting')).toBeVisible();
});
