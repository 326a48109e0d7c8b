// API requests never use an HTTP cache: every answer is the server's, now (a cached list would hide
// a change, a cached error would outlive its cause), and no response with customer data is stored.
import { expect, it } from 'vitest';
import { ScreendeskClient } from '../../src/main/api';

it("asks for no caching on every request (cache: 'no-store'), with manual redirects", async () => {
  const inits: RequestInit[] = [];
  const client = new ScreendeskClient({
    baseUrl: 'https://app.screendesk.io/api/v2',
    token: 'a-token-long-enough-to-be-real',
    fetch: async (_input, init) => {
      inits.push(init ?? {});
      return new Response(
        JSON.stringify({ records: [], pagination: { count: 0, pages: 1, page: 1, items: 0 } }),
        {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        },
      );
    },
  });
  await client.verifyToken();
  expect(inits.length).toBeGreaterThan(0);
  for (const init of inits) {
    expect(init.cache).toBe('no-store');
    expect(init.redirect).toBe('manual');
  }
});
