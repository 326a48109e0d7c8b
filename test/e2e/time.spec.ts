// Time as the user meets it: a server that asks to wait is waited for, and the status bar says until when;
// `created:` days are the days of the window's time zone, the ones the list shows.
import type { DemoServer } from '../../src/main/demo';
import { formatWhen } from '../../src/renderer/src/logic/format';
import { expect, searchBox, signInDemo, test } from './fixtures';

function demoOf(host: { service: { demoServer: DemoServer | null } }): DemoServer {
  const server = host.service.demoServer;
  if (!server) throw new Error('the demo server should be running');
  return server;
}

test('a server that asks to wait 2 hours: asked once, and the status bar says until when', async ({
  page,
  host,
}) => {
  await signInDemo(page);
  const server = demoOf(host);
  server.faults.add({ kind: 'rate-limit', retryAfter: '7200', times: 1 });
  const before = server.requests.length;
  const asked = Date.now();
  await page.getByRole('button', { name: 'Sync now' }).click();
  const status = page.getByTestId('rate-limited');
  await expect(status).toBeVisible();
  // This project's pages run in UTC and en-US; the time alone today, with the date on another day.
  const at = (ms: number): string | null => formatWhen(ms, Date.now(), { locale: 'en-US', timeZone: 'UTC' });
  const text = (await status.textContent()) ?? '';
  expect([at(asked + 7_200_000), at(Date.now() + 7_200_000)].map((t) => `next try at ${t}`)).toContain(
    /next try at .*$/.exec(text.trim())?.[0],
  );
  expect(server.requests.length - before).toBe(1);
});

test.describe('in New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('created: finds the days the list shows, and the syntax help says whose days', async ({
    page,
    host,
  }) => {
    await signInDemo(page);
    const server = demoOf(host);
    const dayIn = (zone: string, iso: string): string =>
      new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(Date.parse(iso));
    const created = server.data
      .list()
      .map((r) => r.metadata?.created_at)
      .filter((c): c is string => typeof c === 'string');
    // A day whose count differs between New York's days and UTC's: UTC days would show another number.
    const count = (zone: string, day: string): number => created.filter((c) => dayIn(zone, c) === day).length;
    const day =
      created
        .map((c) => dayIn('America/New_York', c))
        .find((d) => count('America/New_York', d) !== count('UTC', d)) ?? '';
    expect(day).not.toBe('');
    const expected = count('America/New_York', day);

    await searchBox(page).fill(`created:${day}`);
    await expect(page.getByTestId('result-count')).toHaveText(
      `${expected} ${expected === 1 ? 'recording' : 'recordings'}`,
    );

    await page.getByRole('button', { name: 'Search syntax help' }).click();
    await expect(page.getByRole('dialog', { name: 'Search syntax' })).toContainText(
      'Days are days of your time zone, America/New_York',
    );
  });
});
