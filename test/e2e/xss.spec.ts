// Recording text is customer-controlled. A title or a console log full of markup must show as the
// characters it is, and never become an element, run a handler or open a dialog (the fixture fails the
// test on any dialog).
import { expect, results, searchBox, signInDemo, test } from './fixtures';

const TITLE_PAYLOAD = `xsstitle <img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>`;

test('markup in a title and in console logs stays inert text', async ({ page, host }) => {
  await signInDemo(page);
  const server = host.service.demoServer;
  if (!server) throw new Error('the demo server should be running');

  // A title with markup, and a recording whose console log carries script and img injections.
  const [titled] = server.data.uuids();
  const logged = server.data.list().find((r) => r.console_logs?.includes('<script>alert("xss")</script>'));
  if (!titled || !logged?.uuid) throw new Error('the demo data should hold a recording with hostile logs');
  server.data.update(titled, { title: TITLE_PAYLOAD });
  server.data.update(logged.uuid, { title: 'xsslogs hostile console' });
  await page.getByRole('button', { name: 'Sync now' }).click();

  // In the result list and in the recording view, the title is its literal text.
  await searchBox(page).fill('xsstitle');
  const row = results(page).getByRole('option').first();
  await expect(row.locator('.title')).toHaveText(TITLE_PAYLOAD);
  await expect(row.locator('img, script')).toHaveCount(0);
  await searchBox(page).press('ArrowDown');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(TITLE_PAYLOAD);
  await expect(page.getByRole('article').locator('img, script')).toHaveCount(0);

  // In the log viewer, the injected lines are found as text and are not elements.
  await searchBox(page).fill('xsslogs');
  await expect(page.getByTestId('result-count')).toHaveText('1 recording');
  await searchBox(page).press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText('xsslogs hostile console');
  await page.getByRole('searchbox', { name: 'Find in logs' }).fill('<script>');
  await expect(page.getByTestId('log-matches')).toHaveText(/^1 of \d+$/);
  const viewer = page.getByRole('region', { name: 'Console log lines' });
  await expect(viewer.getByText('<script>alert("xss")</script>')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Find in logs' }).fill('onerror');
  await expect(viewer.getByText('<img src=x onerror=alert(1)>')).toBeVisible();
  await expect(viewer.locator('img, script')).toHaveCount(0);

  // Nothing ran.
  await expect(page).toHaveTitle('Screendesk Desktop');
});
