// One rule for links that leave the app: the renderer offers a link ("Open in Screendesk", a helpdesk
// ticket, the sign-in page's site link) exactly when main opens it through the service's
// `shell:openExternal`. A link the UI offers and main then refuses is a button that does nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { isExternalLink } from '../../src/shared/links';
import { serviceFixture } from '../helpers/service-fixture';
import type { ServiceFixture } from '../helpers/service-fixture';

const fixtures: ServiceFixture[] = [];
afterEach(async () => {
  for (const f of fixtures.splice(0)) await f.close();
});

const LINKS: [url: string, opens: boolean][] = [
  ['https://app.screendesk.io/recordings/abc', true],
  ['https://secure.helpscout.net/conversation/123', true],
  ['HTTPS://APP.SCREENDESK.IO/r/1', true],
  ['https://user:pass@host.example/', false],
  ['https://user@host.example/', false],
  ['https://:pass@host.example/', false],
  ['http://app.screendesk.io/', false],
  ['file:///etc/passwd', false],
  ['javascript:alert(1)', false],
  ['mailto:ana@example.com', false],
  ['not a url', false],
];

describe('links that leave the app', () => {
  it('are offered by the renderer exactly when main opens them', async () => {
    const f = serviceFixture();
    fixtures.push(f);
    for (const [url, opens] of LINKS) {
      expect(isExternalLink(url), `renderer on ${url}`).toBe(opens);
      const opened = await f.call('shell:openExternal', { url });
      expect(opened.ok, `service on ${url}`).toBe(opens);
    }
    expect(f.opened).toEqual([
      'https://app.screendesk.io/recordings/abc',
      'https://secure.helpscout.net/conversation/123',
      'https://app.screendesk.io/r/1',
    ]);
  });
});
