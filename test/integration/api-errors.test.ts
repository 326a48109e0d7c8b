import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, ScreendeskClient, codeForStatus, isApiError } from '../../src/main/api';
import type { Reply } from '../helpers/raw-http-server';
import { startRawServer, type RawServer } from '../helpers/raw-http-server';

const TOKEN = 'sd_errors_token';
const UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

let server: RawServer;
beforeEach(async () => {
  server = await startRawServer();
});
afterEach(async () => {
  await server.close();
});

/** The error a PATCH answered with `reply` produces (no retries, no waiting). */
async function failWith(reply: Reply): Promise<ApiError> {
  server.replies(reply);
  const client = new ScreendeskClient({
    baseUrl: server.url,
    token: TOKEN,
    retry: { maxAttempts: 1 },
  });
  const err = await client.updateRecording(UUID, { title: '' }).catch((e: unknown) => e);
  if (!isApiError(err)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err;
}

describe('error bodies', () => {
  it("reads the spec's {error: string}", async () => {
    const err = await failWith({ status: 422, body: { error: "Title can't be blank" } });
    expect(err).toMatchObject({ code: 'validation', status: 422, serverMessage: "Title can't be blank" });
    expect(err.message).toBe("The server rejected the change: Title can't be blank (422)");
    expect(err.retryable).toBe(false);
  });

  it("reads the public docs' {error: {message, code}}", async () => {
    const err = await failWith({
      status: 403,
      body: { error: { message: 'Only admins can edit recordings', code: 'forbidden_role' } },
    });
    expect(err).toMatchObject({
      code: 'forbidden',
      status: 403,
      serverMessage: 'Only admins can edit recordings',
      serverCode: 'forbidden_role',
    });
    expect(err.message).toMatch(/^Access denied.*: Only admins can edit recordings \(403\)$/);
  });

  it("tells the API's own error document from a proxy's or a gateway's page (fromApi)", async () => {
    expect((await failWith({ status: 404, body: { error: 'Recording not found' } })).fromApi).toBe(true);
    expect((await failWith({ status: 404, body: { error: { message: 'Gone' } } })).fromApi).toBe(true);
    const html = await failWith({
      status: 404,
      headers: { 'content-type': 'text/html' },
      body: '<html><body>404 Not Found</body></html>',
    });
    expect(html).toMatchObject({ code: 'not_found', fromApi: false });
    expect((await failWith({ status: 404, body: { message: 'Not Found' } })).fromApi).toBe(false);
    expect(
      (await failWith({ status: 404, headers: { 'content-type': 'text/plain' }, body: '' })).fromApi,
    ).toBe(false);
  });

  it('reads Rails-style validation errors', async () => {
    const byField = await failWith({
      status: 422,
      body: { errors: { title: ["can't be blank", 'is too short'] } },
    });
    expect(byField.serverMessage).toBe("title can't be blank; title is too short");
    const list = await failWith({ status: 422, body: { errors: ['Title is invalid'] } });
    expect(list.serverMessage).toBe('Title is invalid');
  });

  it('uses a short plain-text body as the message', async () => {
    const err = await failWith({
      status: 429,
      headers: { 'Content-Type': 'text/plain' },
      body: 'Retry later\n',
    });
    expect(err).toMatchObject({ code: 'rate_limited', serverMessage: 'Retry later', retryable: true });
  });

  it("never shows a proxy's HTML page", async () => {
    const html = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>${'<p>nginx</p>'.repeat(500)}</body></html>`;
    const err = await failWith({
      status: 502,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: html,
    });
    expect(err.message).toBe('Unexpected 502 response from the server (text/html)');
    expect(err).toMatchObject({ code: 'server', status: 502, retryable: true });
    expect(err.serverMessage).toBeUndefined();
    expect(JSON.stringify(err)).not.toContain('nginx');
  });

  it('recognises HTML by its look when the content type is missing', async () => {
    const err = await failWith({ status: 503, body: '<html><body>down</body></html>' });
    expect(err.message).toBe('Unexpected 503 response from the server (no content type)');
  });

  it('falls back to a status message when the body says nothing', async () => {
    expect((await failWith({ status: 404, body: '' })).message).toBe('Not found on the server (404)');
    expect((await failWith({ status: 500, body: {} })).message).toBe('The server had a problem (500)');
    expect((await failWith({ status: 401, body: { error: null } })).message).toBe(
      'The API token was not accepted (401)',
    );
  });

  it('bounds and flattens a long server message', async () => {
    const err = await failWith({ status: 422, body: { error: `line one\n\tline two ${'x'.repeat(5000)}` } });
    expect(err.serverMessage?.length).toBeLessThanOrEqual(300);
    expect(err.serverMessage).toMatch(/^line one line two x+…$/);
    expect(err.message.length).toBeLessThan(400);
  });
});

describe('ApiError', () => {
  it.each([
    [401, 'auth'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [410, 'not_found'],
    [408, 'timeout'],
    [429, 'rate_limited'],
    [400, 'validation'],
    [409, 'validation'],
    [422, 'validation'],
    [500, 'server'],
    [503, 'server'],
    [599, 'server'],
    [304, 'bad_response'],
  ] as const)('maps status %i to %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });

  it('is an Error with a name, and survives JSON.stringify', () => {
    const err = new ApiError({ code: 'server', message: 'boom', status: 500 });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ApiError');
    expect(err.retryable).toBe(true);
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({ code: 'server', message: 'boom', status: 500 });
  });

  it('isApiError narrows by code', () => {
    const err = new ApiError({ code: 'auth', message: 'no' });
    expect(isApiError(err)).toBe(true);
    expect(isApiError(err, 'auth', 'forbidden')).toBe(true);
    expect(isApiError(err, 'server')).toBe(false);
    expect(isApiError(new Error('x'))).toBe(false);
    expect(isApiError({ code: 'auth' })).toBe(false);
  });
});
