import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, DEFAULT_TIMEOUT_MS, ScreendeskClient, normalizeBaseUrl } from '../../src/main/api';
import { DEFAULT_API_URL } from '../../src/shared/app';
import { startRawServer, type RawServer } from '../helpers/raw-http-server';

const TOKEN = 'sd_test_token_123';
const UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

function recording(uuid = UUID, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { uuid, title: 'Checkout bug', summary: null, description: 'Cart empties', ...extra };
}

function listBody(records: unknown[], pagination: Record<string, unknown> = { count: records.length }) {
  return { pagination, records };
}

let server: RawServer;
beforeEach(async () => {
  server = await startRawServer();
});
afterEach(async () => {
  await server.close();
});

function client(opts: Partial<ConstructorParameters<typeof ScreendeskClient>[0]> = {}): ScreendeskClient {
  return new ScreendeskClient({ baseUrl: server.url, token: TOKEN, sleep: async () => undefined, ...opts });
}

describe('base URL', () => {
  it('defaults to the production API', () => {
    expect(new ScreendeskClient({ token: TOKEN }).baseUrl).toBe(DEFAULT_API_URL);
    expect(normalizeBaseUrl()).toBe('https://app.screendesk.io/api/v2');
  });

  it.each([
    ['', '/recordings'],
    ['/', '/recordings'],
    ['/api/v2', '/api/v2/recordings'],
    ['/api/v2/', '/api/v2/recordings'],
    ['/api/v2//', '/api/v2/recordings'],
  ])('base %j sends the list to %s', async (suffix, expected) => {
    server.replies({ body: listBody([recording()]) });
    const page = await client({ baseUrl: `${server.url}${suffix}` }).listRecordings(2);
    expect(server.requests[0]?.path).toBe(expected);
    expect(server.requests[0]?.query.get('page')).toBe('2');
    expect(page.records).toHaveLength(1);
  });

  it.each(['ftp://example.com', 'not a url', 'https://user:pw@example.com', 'https://example.com/?token=x'])(
    'refuses %j with a clear message',
    (base) => {
      expect(() => new ScreendeskClient({ baseUrl: base, token: TOKEN })).toThrow(TypeError);
    },
  );
});

describe('requests', () => {
  it('sends the bearer token and asks for JSON', async () => {
    server.replies({ body: listBody([]) });
    await client({ userAgent: 'sdesk-test/1' }).listRecordings(1);
    const req = server.requests[0];
    expect(req?.method).toBe('GET');
    expect(req?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req?.headers.accept).toBe('application/json');
    expect(req?.headers['user-agent']).toBe('sdesk-test/1');
    expect(req?.url).not.toContain(TOKEN);
  });

  it('trims a pasted token and refuses one that cannot be a header', () => {
    expect(() => new ScreendeskClient({ token: '   ' })).toThrow(/No API token/);
    const bad = () => new ScreendeskClient({ token: 'abc\r\nX-Evil: 1' });
    expect(bad).toThrow(ApiError);
    expect(bad).not.toThrow(/abc/);
  });

  it('gets one recording with its uuid URL-encoded', async () => {
    const odd = 'a/b?c#é%';
    server.replies({ body: recording(odd) });
    const entry = await client().getRecording(odd);
    expect(server.requests[0]?.url).toBe('/recordings/a%2Fb%3Fc%23%C3%A9%25');
    expect(entry.uuid).toBe(odd);
  });

  it('refuses uuids that would address another resource', async () => {
    for (const uuid of ['', '.', '..', 'a\nb']) {
      await expect(client().getRecording(uuid)).rejects.toThrow(TypeError);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('PATCHes only the fields being changed, wrapped in "recording"', async () => {
    server.replies({ body: recording(UUID, { title: 'New title', summary: null }) });
    const fields = { title: 'New title', summary: null, description: undefined };
    // A whole recording passed by mistake must not send its other fields.
    const updated = await client().updateRecording(UUID, { ...fields, uuid: 'x', metadata: {} } as never);
    const req = server.requests[0];
    expect(req?.method).toBe('PATCH');
    expect(req?.path).toBe(`/recordings/${UUID}`);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req?.body ?? '')).toEqual({ recording: { title: 'New title', summary: null } });
    expect(updated.raw['title']).toBe('New title');
  });

  it('refuses an update with nothing to change', async () => {
    await expect(client().updateRecording(UUID, {})).rejects.toThrow(RangeError);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses page numbers that are not positive integers', async () => {
    for (const page of [0, -1, 1.5, Number.NaN]) {
      await expect(client().listRecordings(page)).rejects.toThrow(RangeError);
    }
  });

  it('uses a 30 s timeout by default', () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
  });

  it('uses the injected fetch', async () => {
    server.replies({ body: listBody([]) });
    const seen: string[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    await client({ fetch: spy }).listRecordings(3);
    expect(seen).toEqual([`${server.url}/recordings?page=3`]);
  });
});

describe('answers that are not what they should be', () => {
  it.each([
    ['HTML with 200', { headers: { 'Content-Type': 'text/html' }, body: '<html>Login</html>' }, /not JSON/],
    ['empty 200', { body: '' }, /not JSON/],
    ['JSON without records', { body: { data: [] } }, /list of recordings/],
    ['records not an array', { body: { records: { a: 1 } } }, /list of recordings/],
  ])('a list answered with %s is a bad_response', async (_name, reply, message) => {
    server.replies(reply);
    const err = await client()
      .listRecordings(1)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'bad_response', retryable: false });
    expect((err as Error).message).toMatch(message);
    expect(server.requests).toHaveLength(1);
  });

  it('a recording answer without a uuid, or with another uuid, is a bad_response', async () => {
    server.replies({ body: { title: 'no uuid' } }, { body: recording('other-uuid') });
    await expect(client().getRecording(UUID)).rejects.toMatchObject({ code: 'bad_response' });
    await expect(client().getRecording(UUID)).rejects.toMatchObject({
      code: 'bad_response',
      message: 'The server answered with a different recording',
    });
  });

  it('accepts the same uuid in another case', async () => {
    server.replies({ body: recording(UUID.toUpperCase()) });
    await expect(client().getRecording(UUID)).resolves.toMatchObject({ uuid: UUID.toUpperCase() });
  });

  it('does not follow redirects (the token goes only to the configured server)', async () => {
    const other = await startRawServer(() => ({ body: listBody([]) }));
    try {
      server.replies({ status: 302, headers: { Location: `${other.url}/recordings?page=1` } });
      const err = await client()
        .listRecordings(1)
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'bad_response', status: 302, retryable: false });
      expect((err as Error).message).toContain(other.url);
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('stops reading a body larger than the limit', async () => {
    server.replies({ body: listBody([recording(UUID, { description: 'x'.repeat(5000) })]) });
    await expect(client({ maxResponseBytes: 1000 }).listRecordings(1)).rejects.toMatchObject({
      code: 'bad_response',
      message: expect.stringMatching(/larger than/) as unknown,
    });
  });
});

describe('verifyToken', () => {
  it('reports how many recordings the token sees', async () => {
    server.replies({ body: listBody([recording()], { count: 1234, page: 1, items: 100, pages: 13 }) });
    await expect(client().verifyToken()).resolves.toEqual({ count: 1234, pages: 13 });
  });

  it.each([
    [401, { error: 'Invalid token' }, 'auth', /token was not accepted.*Invalid token \(401\)/],
    [403, { error: 'API access not enabled' }, 'forbidden', /API access is not enabled.*\(403\)/],
    [404, '<html>nope</html>', 'not_found', /No Screendesk API answers at http:\/\/127\.0\.0\.1:\d+\/wrong/],
  ])('explains a %i at login', async (status, body, code, message) => {
    server.replies({ status, body });
    const err = await client({ baseUrl: `${server.url}/wrong` })
      .verifyToken()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code, status, retryable: false });
    expect((err as Error).message).toMatch(message);
    expect(server.requests).toHaveLength(1);
  });

  it('says when the URL does not lead to an API at all', async () => {
    server.replies({ headers: { 'Content-Type': 'text/html' }, body: '<html>Welcome</html>' });
    await expect(client().verifyToken()).rejects.toMatchObject({
      code: 'bad_response',
      message: expect.stringMatching(/does not look like a Screendesk API/) as unknown,
    });
  });
});
