// Every main screen, in the light and the dark theme (the app follows the OS), saved under
// test-results/screenshots/{light,dark}/ for people to look at. Each screen is checked for what makes it
// that screen before it is taken, and for a visible keyboard focus where one is expected.
import type { DemoServer } from '../../src/main/demo';
import { expect, results, searchBox, signInDemo, test } from './fixtures';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test(`every main screen (${scheme})`, async ({ page, host, shoot }) => {
      // Sign-in.
      await expect(page.getByRole('button', { name: 'Try demo data' })).toBeVisible();
      await shoot('01-sign-in');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByText('Paste your API token.')).toBeVisible();
      await shoot('02-sign-in-error');

      // The recordings list, searched and filtered.
      await signInDemo(page);
      const server: DemoServer | null = host.service.demoServer;
      if (!server) throw new Error('the demo server should be running');
      await shoot('03-recordings');
      await searchBox(page).fill('checkout');
      await page.getByLabel('Type', { exact: true }).selectOption('received');
      await expect(results(page).getByRole('option').first().locator('mark').first()).toBeVisible();
      await shoot('04-search-with-filters');
      await page.getByRole('button', { name: 'Search syntax help' }).click();
      await expect(page.getByRole('dialog', { name: 'Search syntax' })).toBeVisible();
      await shoot('05-syntax-help');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: 'Search syntax' })).toHaveCount(0);

      // A live call, with its participants, timeline and console errors.
      const call = server.data
        .list()
        .find((r) => r.room_insights?.participants_insights?.length && r.console_logs?.includes('[error]'));
      if (!call?.uuid) throw new Error('the demo data should hold a live call with console errors');
      server.data.update(call.uuid, { title: 'Screen tour: payment page freezes during the call' });
      await page.getByRole('button', { name: 'Sync now' }).click();
      await searchBox(page).fill('screen tour');
      await expect(results(page).getByRole('option').first().locator('.title')).toHaveText(/^Screen tour/);
      await searchBox(page).press('Enter');
      await expect(page.getByRole('heading', { name: 'Live call' })).toBeVisible();
      await shoot('06-recording');
      await page.getByRole('heading', { name: 'Live call' }).scrollIntoViewIfNeeded();
      await expect(page.getByRole('table', { name: 'Participants of the call' })).toBeVisible();
      await shoot('07-live-call');
      await page.getByRole('searchbox', { name: 'Find in logs' }).fill('[error]');
      await expect(page.getByTestId('log-matches')).toHaveText(/^1 of \d+$/);
      await page.getByRole('region', { name: 'Console log lines' }).scrollIntoViewIfNeeded();
      await shoot('08-console-logs');

      // Editing in place, with the rules checked.
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await page.getByLabel('Title').fill(' ');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByText("Title can't be blank")).toBeVisible();
      await expect(page.getByLabel('Title')).toBeFocused();
      await shoot('09-edit');
      await page.getByRole('button', { name: 'Cancel' }).click();

      // The outbox with a conflict and a failed edit (the server refuses the second edit).
      const [a, b] = server.data.uuids();
      if (!a || !b) throw new Error('demo data');
      await searchBox(page).fill('');
      await searchBox(page).press('ArrowDown');
      await page.keyboard.press('Enter');
      server.data.update(a, { title: 'Renamed on the server' });
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await page.getByLabel('Title').fill('Renamed here');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByRole('article').getByTestId('edit-badge')).toHaveText('Conflict');
      server.faults.add({
        kind: 'status',
        status: 422,
        body: '{"error":"Title is reserved"}',
        method: 'PATCH',
      });
      await searchBox(page).press('ArrowDown');
      await page.keyboard.press('j');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await page.getByLabel('Summary').fill('Customer could not pay with a saved card.');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByRole('article').getByTestId('edit-badge')).toHaveText('Edit failed');
      await shoot('10-recordings-with-edits');
      await page
        .getByRole('navigation')
        .getByRole('button', { name: /Outbox/ })
        .click();
      await expect(page.getByTestId('outbox-item')).toHaveCount(2);
      await shoot('11-outbox');
      server.faults.clear();

      // Overview charts, settings, sign-out.
      await page.getByRole('navigation').getByRole('button', { name: 'Overview' }).click();
      await expect(page.getByRole('img', { name: /Recordings per week from/ })).toBeVisible();
      await shoot('12-overview');
      await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
      await expect(page.getByLabel('Sync in the background')).toBeVisible();
      await shoot('13-settings');
      await page.getByRole('button', { name: 'Sign out…' }).click();
      await expect(page.getByRole('dialog', { name: 'Sign out?' })).toBeVisible();
      await page.getByLabel("Also delete this account's cache").check();
      await shoot('14-sign-out');
      await page.getByRole('button', { name: 'Cancel' }).click();

      // Offline: the status bar says so and the cache keeps answering.
      await server.close();
      await page.getByRole('button', { name: 'Sync now' }).click();
      await expect(page.getByTestId('connectivity')).toContainText('Offline');
      await page.getByRole('navigation').getByRole('button', { name: 'Recordings' }).click();
      await searchBox(page).fill('password');
      await expect(results(page).getByRole('option').first()).toBeVisible();
      await shoot('15-offline');
    });
  });
}
