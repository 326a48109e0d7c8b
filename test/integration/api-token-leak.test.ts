import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScreendeskClient, type RetryInfo } from '../../src/main/api';
import { startRawServer, type RawServer, type Reply } from '../helpers/raw-http-server';

// A token with characters that change under URL- and JSON-encoding, so every echoed form is tried.
const TOKEN = 'sd_live_S3cr3t+/="Tok3n';
const PREFIX = TOKEN.slice(0, 8);
const UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

/** Every way an error could be written to a log or sent over IPC. */
function renderings(err: unknown): string[] {
  const out = [inspect(err, { depth: Infinity, showHidden: true }), JSON.stringify(err), String(err)];
  for (let e: unknown = err, i = 0; e instanceof Error && i < 10; e = e.cause, i++) {
    out.push(e.message, e.stack ?? '', JSON.stringify(e), inspect(e, { showHidden: true }));
  }
  return out;
}

function expectNoToken(value: unknown): void {
  for (const text of typeof value === 'string' ? [value] : renderings(value)) {
    expect(text).not.toContain(PREFIX);
    expect(text).not.toContain(encodeURIComponent(TOKEN));
  }
}

let server: RawServer;
let retries: RetryInfo[];
beforeEach(async () => {
  server = await startRawServer();
  retries = [];
});
afterEach(async () => {
  await server.close();
});

function client(): ScreendeskClient {
  return new ScreendeskClient({
    baseUrl: server.url,
    token: TOKEN,
    sleep: async () => undefined,
    retry: { maxAttempts: 2 },
    onRetry: (info) => retries.push(info),
  });
}

/** Answers with the Authorization header the client sent, shaped by `shape`. */
function echo(shape: (auth: string) => Reply): void {
  server.handle((req) => shape(String(req.headers.authorization)));
}

describe('the token never leaks', () => {
  it('is really sent (so the checks below are not vacuous)', async () => {
    echo((auth) => ({ status: 401, body: { error: `bad header ${auth}` } }));
    const err = await client()
      .listRecordings(1)
      .catch((e: unknown) => e);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect((err as Error).message).toBe('The API token was not accepted: bad header Bearer [redacted] (401)');
    expectNoToken(err);
  });

  it.each<[string, (auth: string) => Reply]>([
    ['a spec error body', (auth) => ({ status: 422, body: { error: auth } })],
    ['a docs error body', (auth) => ({ status: 403, body: { error: { message: auth, code: auth } } })],
    ['a Rails error body', (auth) => ({ status: 422, body: { errors: { token: [auth] } } })],
    [
      'an HTML page',
      (auth) => ({ status: 502, headers: { 'Content-Type': 'text/html' }, body: `<p>${auth}</p>` }),
    ],
    ['plain text', (auth) => ({ status: 500, headers: { 'Content-Type': 'text/plain' }, body: auth })],
    ['a URL-encoded echo', (auth) => ({ status: 400, body: { error: encodeURIComponent(auth) } })],
    ['a lowercased echo', (auth) => ({ status: 400, body: { error: auth.toLowerCase() } })],
    ['a JSON-escaped echo', (auth) => ({ status: 400, body: `{"error": ${JSON.stringify(auth)}}` })],
    [
      'the content type',
      (auth) => ({ status: 503, headers: { 'Content-Type': `text/html-${auth.slice(7)}` }, body: '<p>' }),
    ],
    [
      'a redirect',
      (auth) => ({ status: 302, headers: { Location: `https://evil.example/?t=${auth.slice(7)}` } }),
    ],
    [
      'a 200 that is not JSON',
      (auth) => ({ headers: { 'Content-Type': `text/${auth.slice(7)}` }, body: auth }),
    ],
    [
      'a long body cut where the token is',
      (auth) => ({ status: 422, body: { error: `${'x'.repeat(283)}${auth}` } }),
    ],
  ])('echoed in %s', async (_name, shape) => {
    echo(shape);
    const c = client();
    const errors = await Promise.all([
      c.listRecordings(1).catch((e: unknown) => e),
      c.getRecording(UUID).catch((e: unknown) => e),
      c.updateRecording(UUID, { title: 'x' }).catch((e: unknown) => e),
      c.verifyToken().catch((e: unknown) => e),
    ]);
    for (const err of errors) {
      expect(err).toBeInstanceOf(Error);
      expectNoToken(err);
    }
    for (const info of retries) expectNoToken(inspect(info, { depth: Infinity }));
  });

  it('stays out of URLs', async () => {
    server.replies({ body: { records: [] } });
    const c = client();
    await c.listRecordings(1);
    await c.getRecording(UUID).catch(() => undefined);
    for (const req of server.requests) expectNoToken(decodeURIComponent(req.url));
  });

  it('stays out of network errors', async () => {
    const url = server.url;
    await server.close();
    server = await startRawServer();
    const err = await new ScreendeskClient({ baseUrl: url, token: TOKEN, sleep: async () => undefined })
      .listRecordings(1)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'network' });
    expect((err as Error).message).toMatch(/Could not reach the server at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    expectNoToken(err);
  });

  it('cannot be read from the client object', () => {
    const c = client();
    expectNoToken(JSON.stringify(c));
    expectNoToken(inspect(c, { depth: Infinity, showHidden: true }));
    expectNoToken(String(c));
    expect(JSON.parse(JSON.stringify(c))).toEqual({ baseUrl: server.url });
  });

  it('is not repeated when refused at construction', () => {
    let err: unknown;
    try {
      new ScreendeskClient({ token: `${TOKEN}\nX-Injected: 1` });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'auth' });
    expectNoToken(err);
  });
});
