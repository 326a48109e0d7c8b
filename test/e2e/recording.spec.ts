// The recording view's outward links and tools: helpdesk links only where the address is knowable,
// ids shown plainly otherwise, and console logs copied whole.
import { expect, expectPairsSideBySide, results, searchBox, signInDemo, test } from './fixtures';

test('a Help Scout conversation links out; a Jira issue shows its id without inventing a site', async ({
  page,
  host,
}) => {
  await signInDemo(page);
  const server = host.service.demoServer;
  if (!server) throw new Error('the demo server should be running');

  const helpscout = server.data.list().find((r) => r.metadata?.helpdesk_info?.platform === 'helpscout');
  const conversation = helpscout?.metadata?.helpdesk_info?.conversation_id ?? '';
  expect(conversation).not.toBe('');
  await searchBox(page).fill(`platform:helpscout ticket:${conversation}`);
  await expect(page.getByTestId('result-count')).toHaveText('1 recording');
  await searchBox(page).press('Enter');
  await page.getByRole('button', { name: new RegExp(`^${conversation}`) }).click();
  await expect
    .poll(() => host.opened.at(-1))
    .toBe(`https://secure.helpscout.net/conversation/${conversation}`);

  const jira = server.data.list().find((r) => r.metadata?.helpdesk_info?.platform === 'jira');
  const issue = jira?.metadata?.helpdesk_info?.issue_id ?? '';
  await searchBox(page).fill(`platform:jira ticket:${issue}`);
  await expect(results(page).getByRole('option').first()).toBeVisible();
  await searchBox(page).press('Enter');
  const helpdesk = page.getByRole('region', { name: 'Helpdesk' });
  await expect(helpdesk.getByText(issue, { exact: true })).toBeVisible();
  await expect(helpdesk.getByRole('button', { name: new RegExp(issue) })).toHaveCount(0);
  await expect(helpdesk).toContainText('the ids are shown without a link');

  // Every description list of the view shows its labels beside their values, not above them.
  const lists = page.locator('dl');
  expect(await lists.count()).toBeGreaterThan(1);
  for (const list of await lists.all()) await expectPairsSideBySide(list);
});

test('console logs are copied whole to the clipboard', async ({ page, host, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInDemo(page);
  await searchBox(page).fill('has:logs');
  await searchBox(page).press('Enter');
  // Which recording this is: its Screendesk URL ends in its uuid.
  await page.getByRole('button', { name: 'Open in Screendesk' }).click();
  await expect.poll(() => host.opened.length).toBe(1);
  const uuid = host.opened[0]?.split('/').pop() ?? '';
  const logs = host.service.demoServer?.data.get(uuid)?.console_logs ?? '';
  expect(logs).not.toBe('');
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(logs);
});
