// API URLs must be https (the token travels in every request), except on this computer (the demo
// server, tests); link-local and cloud-metadata addresses are never an API. The app's sign-in and
// sdesk refuse such a URL, saying https is needed, before any request carries the token.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiUrlProblem } from '../../src/main/api/url';
import { runCli } from '../helpers/run-cli';
import { serviceFixture } from '../helpers/service-fixture';

const TOKEN = 'a-token-long-enough-to-be-real';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const refused = [
  'http://app.screendesk.io/api/v2',
  'http://10.0.0.5/api/v2',
  'http://example.com',
  'https://169.254.169.254/latest/meta-data',
  'http://169.254.169.254/',
  'http://2852039166/',
  'https://169.254.10.1/',
  'https://[fe80::1]/api',
  'https://[febf::1]/api',
  'https://[fd00:ec2::254]/',
  'https://metadata.google.internal/computeMetadata/v1',
  'https://METADATA.GOOGLE.INTERNAL./x',
  'https://[::ffff:169.254.169.254]/',
];
const allowed = [
  'https://app.screendesk.io/api/v2',
  'http://127.0.0.1:4567/api/v2',
  'http://127.1.2.3/api/v2',
  'http://localhost:8080',
  'http://[::1]:8080/api/v2',
  'https://10.0.0.5/api/v2',
];

describe('apiUrlProblem', () => {
  it.each(refused)('refuses %s', (url) => {
    expect(apiUrlProblem(new URL(url))).toMatch(/https|link-local|metadata/);
  });
  it.each(allowed)('allows %s', (url) => {
    expect(apiUrlProblem(new URL(url))).toBeNull();
  });
  it('says https is needed for plain http', () => {
    expect(apiUrlProblem(new URL('http://app.screendesk.io'))).toContain('https://');
  });
});

describe('the app', () => {
  it('refuses to sign in to a plain-http or metadata URL, before any request', async () => {
    const requests: string[] = [];
    const f = serviceFixture({
      extra: {
        fetch: async (input) => {
          requests.push(String(input));
          throw new TypeError('no network in this test');
        },
      },
    });
    cleanups.push(() => f.close());
    for (const apiUrl of ['http://app.screendesk.io/api/v2', 'https://169.254.169.254/latest']) {
      const result = await f.call('account:signIn', { apiUrl, token: TOKEN });
      expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
      expect(JSON.stringify(result)).toMatch(/https|link-local|metadata/);
    }
    expect(requests).toEqual([]);
  });
});

describe('sdesk', () => {
  it('refuses a plain-http API URL with a message that says https is needed, and sends nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sdesk-url-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const run = await runCli(['sync', '--data-dir', dataDir], {
      env: { SCREENDESK_API_URL: 'http://app.screendesk.io/api/v2', SCREENDESK_API_TOKEN: TOKEN },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('https://');
    const meta = await runCli(
      ['search', 'x', '--api-url', 'https://[fd00:ec2::254]/', '--data-dir', dataDir],
      {
        env: { SCREENDESK_API_TOKEN: TOKEN },
      },
    );
    expect(meta.code).toBe(2);
    expect(meta.stderr).toMatch(/metadata/);
  });
});
