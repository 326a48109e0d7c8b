import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  MAX_ATTEMPTS_LIMIT,
  ScreendeskClient,
  parseRetryAfter,
  retryDelayMs,
  type RetryInfo,
  type ScreendeskClientOptions,
} from '../../src/main/api';
import { resolveRetryPolicy } from '../../src/main/api/retry';
import { startRawServer, type RawServer, type Reply } from '../helpers/raw-http-server';

const TOKEN = 'sd_retry_token';
const UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const OK: Reply = { body: { pagination: { count: 1 }, records: [{ uuid: UUID }] } };

describe('parseRetryAfter', () => {
  const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
  it.each([
    ['120', 120_000],
    [' 7 ', 7000],
    ['0', 0],
    ['1.5', 1500],
    ['Wed, 21 Oct 2015 07:28:12 GMT', 12_000],
    ['Wed, 21 Oct 2015 07:27:00 GMT', 0],
    ['-1', null],
    ['soon', null],
    ['5 seconds', null],
    ['', null],
    [null, null],
  ])('%j → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };

  it('uses full jitter: uniform in [0, min(max, base·2^(n−1)))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map(Math.abs),
        (n, r) => {
          const ceiling = Math.min(1000, 100 * 2 ** (n - 1));
          const d = retryDelayMs(n, policy, () => r, null);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThan(ceiling);
          expect(d).toBe(Math.floor(r * ceiling));
        },
      ),
    );
  });

  it('stays in bounds whatever an injected random returns', () => {
    for (const r of [Number.NaN, -5, 7, Number.POSITIVE_INFINITY]) {
      const d = retryDelayMs(3, policy, () => r, null);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(400);
    }
  });

  it("takes the server's Retry-After, capped", () => {
    expect(retryDelayMs(1, policy, () => 0.5, 5000)).toBe(5000);
    expect(retryDelayMs(1, policy, () => 0.5, 3_600_000)).toBe(DEFAULT_RETRY_POLICY.maxRetryAfterMs);
  });

  it('clamps a policy into sane numbers', () => {
    expect(resolveRetryPolicy({ maxAttempts: 0 }).maxAttempts).toBe(1);
    expect(resolveRetryPolicy({ maxAttempts: 1e9 }).maxAttempts).toBe(MAX_ATTEMPTS_LIMIT);
    expect(resolveRetryPolicy({ maxAttempts: Number.NaN }).maxAttempts).toBe(
      DEFAULT_RETRY_POLICY.maxAttempts,
    );
    expect(resolveRetryPolicy({ baseDelayMs: -5 }).baseDelayMs).toBe(0);
  });
});

describe('retries against a real server', () => {
  let server: RawServer;
  let sleeps: number[];
  let retries: RetryInfo[];
  beforeEach(async () => {
    server = await startRawServer();
    sleeps = [];
    retries = [];
  });
  afterEach(async () => {
    await server.close();
  });

  function client(opts: Partial<ScreendeskClientOptions> = {}): ScreendeskClient {
    return new ScreendeskClient({
      baseUrl: server.url,
      token: TOKEN,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      onRetry: (info) => retries.push(info),
      ...opts,
    });
  }

  it.each([400, 401, 403, 404, 409, 422])('never retries a %i', async (status) => {
    server.replies({ status, body: { error: 'no' } });
    await expect(client().listRecordings(1)).rejects.toMatchObject({ status, retryable: false });
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it.each([408, 429, 500, 502, 503, 504])('retries a %i, then succeeds', async (status) => {
    server.replies({ status, body: { error: 'busy' } }, OK);
    const page = await client().listRecordings(1);
    expect(page.records.map((r) => r.uuid)).toEqual([UUID]);
    expect(server.requests).toHaveLength(2);
    expect(retries[0]).toMatchObject({ attempt: 1, method: 'GET', path: '/recordings', error: { status } });
  });

  it.each(['before', 'mid-body'] as const)('retries a connection dropped %s the answer', async (drop) => {
    server.replies({ ...OK, drop }, OK);
    await expect(client().listRecordings(1)).resolves.toMatchObject({ skipped: 0 });
    expect(server.requests).toHaveLength(2);
    expect(retries[0]?.error.code).toBe('network');
  });

  it('re-sends the same PATCH body on a retry', async () => {
    server.replies({ status: 503 }, { body: { uuid: UUID, title: 'T' } });
    await client().updateRecording(UUID, { title: 'T' });
    expect(server.requests.map((r) => r.body)).toEqual([
      '{"recording":{"title":"T"}}',
      '{"recording":{"title":"T"}}',
    ]);
  });

  it('gives up after maxAttempts with the last error, backing off with full jitter', async () => {
    server.replies({ status: 503, body: { error: 'maintenance' } });
    const err = await client({ retry: { baseDelayMs: 100 } })
      .listRecordings(1)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'server', status: 503, serverMessage: 'maintenance' });
    expect(server.requests).toHaveLength(5);
    // random() = 0.5 → half of each ceiling: 100, 200, 400, 800.
    expect(sleeps).toEqual([50, 100, 200, 400]);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3, 4]);
  });

  it('caps the attempts whatever is configured', async () => {
    server.replies({ status: 500 });
    await expect(client({ retry: { maxAttempts: 1000 } }).listRecordings(1)).rejects.toMatchObject({
      code: 'server',
    });
    expect(server.requests).toHaveLength(MAX_ATTEMPTS_LIMIT);
  });

  it('waits what Retry-After says in seconds', async () => {
    server.replies({ status: 429, headers: { 'Retry-After': '7' } }, OK);
    await client().listRecordings(1);
    expect(sleeps).toEqual([7000]);
    expect(retries[0]?.error).toMatchObject({ code: 'rate_limited', retryAfterMs: 7000 });
  });

  it('waits until a Retry-After HTTP date', async () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    server.replies({ status: 503, headers: { 'Retry-After': 'Wed, 21 Oct 2015 07:28:12 GMT' } }, OK);
    await client({ now: () => now }).listRecordings(1);
    expect(sleeps).toEqual([12_000]);
  });

  it('ends at once on a Retry-After longer than the cap: one request, rate limited, carrying the wait', async () => {
    const now = Date.parse('2026-01-15T12:05:00Z');
    server.replies({ status: 429, headers: { 'Retry-After': '7200' } }, OK);
    // The default cap is 60 s; the server asks for 2 h.
    const err = await client({ now: () => now })
      .listRecordings(1)
      .catch((e: unknown) => e);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(err).toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryable: true,
      retryAfterMs: 7_200_000,
      retryAt: now + 7_200_000,
    });
  });

  it('ends at once on a 503 whose Retry-After date is beyond the cap, carrying when to come back', async () => {
    const now = Date.parse('Sun, 06 Nov 1994 08:49:37 GMT');
    server.replies({ status: 503, headers: { 'Retry-After': 'Sun Nov  6 10:49:37 1994' } }, OK);
    const err = await client({ now: () => now })
      .listRecordings(1)
      .catch((e: unknown) => e);
    expect(server.requests).toHaveLength(1);
    expect(err).toMatchObject({ code: 'server', retryAfterMs: 7_200_000, retryAt: now + 7_200_000 });
  });

  it('still waits out a Retry-After at the cap, then tries again', async () => {
    server.replies({ status: 429, headers: { 'Retry-After': '60' } }, OK);
    await expect(client().listRecordings(1)).resolves.toBeDefined();
    expect(sleeps).toEqual([60_000]);
    expect(server.requests).toHaveLength(2);
  });

  it('ignores an onRetry hook that throws', async () => {
    server.replies({ status: 500 }, OK);
    const c = client({
      onRetry: () => {
        throw new Error('logger broke');
      },
    });
    await expect(c.listRecordings(1)).resolves.toBeDefined();
  });

  it('times out each attempt, and retries a timeout', async () => {
    server.replies({ ...OK, delayMs: 2000 });
    const started = Date.now();
    const err = await client({ timeoutMs: 150, retry: { maxAttempts: 2 } })
      .listRecordings(1)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout', retryable: true });
    expect((err as Error).message).toBe('The server did not answer within 150 ms');
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('times out a body that stalls after the headers', async () => {
    server.replies({ ...OK, drop: 'stall' });
    const err = await client({ timeoutMs: 200, retry: { maxAttempts: 1 } })
      .listRecordings(1)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout', retryable: true });
  });

  it("surfaces a caller's abort as 'cancelled' and does not retry it", async () => {
    server.replies({ ...OK, delayMs: 2000 });
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 50);
    const started = Date.now();
    const err = await client()
      .listRecordings(1, { signal: ctrl.signal })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'cancelled', retryable: false, message: 'The request was cancelled' });
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('does not even send a request for a signal already aborted', async () => {
    server.replies(OK);
    await expect(client().getRecording(UUID, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('stops waiting between attempts when the caller aborts (real sleep)', async () => {
    server.replies({ status: 503 });
    const ctrl = new AbortController();
    const c = new ScreendeskClient({
      baseUrl: server.url,
      token: TOKEN,
      retry: { baseDelayMs: 10_000 },
      random: () => 0.99,
      onRetry: () => setTimeout(() => ctrl.abort(), 30),
    });
    const started = Date.now();
    await expect(c.listRecordings(1, { signal: ctrl.signal })).rejects.toMatchObject({ code: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });

  it('really waits between attempts with the default sleep', async () => {
    server.replies({ status: 502 }, { status: 503 }, { status: 429, headers: { 'Retry-After': '0' } }, OK);
    const delays: number[] = [];
    const c = new ScreendeskClient({
      baseUrl: server.url,
      token: TOKEN,
      retry: { baseDelayMs: 40 },
      onRetry: (info) => delays.push(info.delayMs),
    });
    const started = performance.now();
    await expect(c.listRecordings(1)).resolves.toBeDefined();
    const elapsed = performance.now() - started;
    expect(server.requests).toHaveLength(4);
    expect(delays[0]).toBeLessThan(40);
    expect(delays[1]).toBeLessThan(80);
    expect(delays[2]).toBe(0);
    // Timers may fire a millisecond early; they never fire much earlier.
    expect(elapsed).toBeGreaterThanOrEqual(delays.reduce((a, b) => a + b, 0) - 5);
  });
});
