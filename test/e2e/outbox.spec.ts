// When an edit does not go through: a refused edit shows why and can be retried, changed or discarded;
// an edit that collides with a change made on the server shows mine and theirs side by side.
import type { Page } from '@playwright/test';
import type { DemoServer } from '../../src/main/demo';
import { expect, results, searchBox, signInDemo, test } from './fixtures';

/** Opens the newest recording and returns its uuid (read from its Screendesk URL). */
async function openNewest(page: Page, server: DemoServer): Promise<string> {
  const uuid = server.data.uuids()[0] ?? '';
  const title = server.data.get(uuid)?.title ?? '';
  await searchBox(page).press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title || 'Untitled recording');
  return uuid;
}

async function editTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

async function openOutbox(page: Page): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Outbox/ })
    .click();
}

function demoOf(host: { service: { demoServer: DemoServer | null } }): DemoServer {
  const server = host.service.demoServer;
  if (!server) throw new Error('the demo server should be running');
  return server;
}

const REFUSAL = JSON.stringify({ error: 'Title is reserved by an automation rule' });

test('a refused edit shows the reason and goes through on retry', async ({ page, host }) => {
  await signInDemo(page);
  const server = demoOf(host);
  const uuid = await openNewest(page, server);
  server.faults.add({ kind: 'status', status: 422, body: REFUSAL, method: 'PATCH', times: 1 });

  await editTitle(page, 'Refused at first');
  await expect(page.getByRole('article').getByTestId('edit-badge')).toHaveText('Edit failed');
  await expect(page.getByText('This edit failed')).toContainText('reserved by an automation rule');
  await expect(page.getByTestId('pending-count')).toHaveText('1 edit not synced');

  await openOutbox(page);
  const item = page.getByTestId('outbox-item');
  await expect(item.getByTestId('edit-badge')).toHaveText('Edit failed');
  await expect(item.getByTestId('outbox-reason')).toContainText('reserved by an automation rule');
  await item.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => server.data.get(uuid)?.title).toBe('Refused at first');
  await expect(page.getByText('Nothing waiting')).toBeVisible();
});

test('a refused edit can be changed in the outbox, then it goes through', async ({ page, host }) => {
  await signInDemo(page);
  const server = demoOf(host);
  const uuid = await openNewest(page, server);
  server.faults.add({ kind: 'status', status: 422, body: REFUSAL, method: 'PATCH', times: 1 });
  await editTitle(page, 'Reserved word');
  await expect(page.getByRole('article').getByTestId('edit-badge')).toHaveText('Edit failed');

  await openOutbox(page);
  const item = page.getByTestId('outbox-item');
  await item.getByRole('button', { name: 'Edit', exact: true }).click();
  const title = item.getByLabel('Title');
  await expect(title).toHaveValue('Reserved word');
  // The spec's rules hold here too.
  await title.fill('   ');
  await item.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(item.getByText("Title can't be blank")).toBeVisible();
  await title.fill('A better title');
  await item.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => server.data.get(uuid)?.title).toBe('A better title');
  await expect(page.getByText('Nothing waiting')).toBeVisible();
});

test('a refused edit can be discarded, and the recording shows the server title again', async ({
  page,
  host,
}) => {
  await signInDemo(page);
  const server = demoOf(host);
  const uuid = await openNewest(page, server);
  const original = server.data.get(uuid)?.title ?? '';
  server.faults.add({ kind: 'status', status: 422, body: REFUSAL, method: 'PATCH' });
  await editTitle(page, 'Never accepted');
  await expect(page.getByRole('article').getByTestId('edit-badge')).toHaveText('Edit failed');

  await openOutbox(page);
  const item = page.getByTestId('outbox-item');
  await item.getByRole('button', { name: 'Discard…' }).click();
  await item.getByRole('group', { name: 'Confirm discard' }).getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByText('Nothing waiting')).toBeVisible();
  expect(server.data.get(uuid)?.title).toBe(original);

  await page.getByRole('navigation').getByRole('button', { name: 'Recordings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(original);
  await expect(page.getByRole('article').getByTestId('edit-badge')).toHaveCount(0);
});

test.describe('a conflict with a change made on the server', () => {
  async function makeConflict(page: Page, server: DemoServer): Promise<string> {
    const uuid = await openNewest(page, server);
    // Someone renames it on the server; this app has not synced since.
    server.data.update(uuid, { title: 'Renamed by a colleague' });
    await editTitle(page, 'Renamed by me');
    await expect(page.getByRole('article').getByTestId('edit-badge')).toHaveText('Conflict');
    await openOutbox(page);
    const item = page.getByTestId('outbox-item');
    await expect(item.getByTestId('conflict-mine')).toHaveText('Renamed by me');
    await expect(item.getByTestId('conflict-theirs')).toHaveText('Renamed by a colleague');
    return uuid;
  }

  test('keep mine sends my title', async ({ page, host }) => {
    await signInDemo(page);
    const server = demoOf(host);
    const uuid = await makeConflict(page, server);
    await page.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => server.data.get(uuid)?.title).toBe('Renamed by me');
    await expect(page.getByText('Nothing waiting')).toBeVisible();
  });

  test('take theirs drops my edit and shows the server title', async ({ page, host }) => {
    await signInDemo(page);
    const server = demoOf(host);
    const uuid = await makeConflict(page, server);
    await page.getByRole('button', { name: 'Take theirs' }).click();
    await expect(page.getByText('Nothing waiting')).toBeVisible();
    expect(server.data.get(uuid)?.title).toBe('Renamed by a colleague');
    await page.getByRole('navigation').getByRole('button', { name: 'Recordings' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Renamed by a colleague');
    await searchBox(page).fill('colleague');
    await expect(results(page).getByRole('option').first().locator('.title')).toHaveText(
      'Renamed by a colleague',
    );
  });
});

test('an account that cannot edit is told before it starts', async ({ page, demo }) => {
  const server = await demo({ recordings: 30 });
  await page.getByLabel('API URL').fill(server.url);
  await page.getByLabel('API token').fill(server.memberToken);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('result-count')).toHaveText(/recordings?$/);
  await searchBox(page).press('ArrowDown');
  await page.keyboard.press('Enter');
  // The first try is refused (403): from then on the app knows and says so up front.
  await editTitle(page, 'Members cannot do this');
  await expect(page.getByText('Your account cannot edit recordings')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeDisabled();
});
