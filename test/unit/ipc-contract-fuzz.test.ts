// Every request channel, fed malformed arguments, answers a clean {ok: false, invalid_arguments} and
// never reaches the service; well-formed arguments do reach it (so the rejections are not blanket).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RequestChannel, ServiceHandlers } from '../../src/shared/contract';
import { REQUEST_CHANNELS, requests } from '../../src/shared/contract';
import { dispatch } from '../../src/main/ipc';

/** A service that only counts its calls: proof enough that validation stopped a call. */
function countingService(): { service: ServiceHandlers; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const service = Object.fromEntries(
    REQUEST_CHANNELS.map((c) => [
      c,
      () => {
        calls.set(c, (calls.get(c) ?? 0) + 1);
        return null;
      },
    ]),
  ) as unknown as ServiceHandlers;
  return { service, calls };
}

/** The smallest valid arguments of each channel: every key here is required. */
const minimalArgs: Record<RequestChannel, Record<string, unknown>> = {
  'app:info': {},
  'account:state': {},
  'account:signIn': { apiUrl: 'https://app.screendesk.io/api/v2', token: 'tok' },
  'account:signInDemo': {},
  'account:signOut': { deleteCache: false },
  'sync:now': {},
  'sync:status': {},
  'search:query': { query: 'checkout' },
  'recording:get': { uuid: 'a1b2' },
  'outbox:list': {},
  'outbox:counts': {},
  'outbox:edit': { uuid: 'a1b2', fields: {} },
  'outbox:retry': { id: 1 },
  'outbox:discard': { id: 1 },
  'outbox:resolve': { id: 1, choice: 'keep-mine' },
  'outbox:push': {},
  'stats:overview': {},
  'settings:get': {},
  'settings:set': { syncIntervalMinutes: 15 },
  'shell:openExternal': { url: 'https://app.screendesk.io/recordings/1' },
  'update:state': {},
  'update:install': {},
};

const HUGE = 'x'.repeat(2_000_000);

/** Values of another kind than `valid`: each must be refused in its place. */
function wrongTypesFor(valid: unknown): unknown[] {
  const all: unknown[] = [null, 'text', HUGE, 1.5, Number.NaN, Infinity, true, [], {}];
  if (typeof valid === 'number') return all.filter((v) => !Number.isInteger(v));
  if (typeof valid === 'string') return all.filter((v) => typeof v !== 'string');
  if (typeof valid === 'boolean') return all.filter((v) => typeof v !== 'boolean');
  return all.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v));
}

/** `base` with an own "__proto__" key, as JSON.parse (and so any IPC payload) can produce it. */
function withProtoKey(base: Record<string, unknown>): unknown {
  const rest = JSON.stringify(base).slice(1, -1);
  return JSON.parse(`{"__proto__": {"polluted": true}${rest ? `, ${rest}` : ''}}`);
}

/** Malformed variants of one channel's arguments, each with a label for the failure message. */
function malformed(channel: RequestChannel): [string, unknown][] {
  const base = minimalArgs[channel];
  const cases: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', 'args'],
    ['an array', [base]],
    ['a boolean', true],
    ['an extra key', { ...base, extra: 1 }],
    ['__proto__ key', withProtoKey(base)],
    ['constructor key', { ...base, constructor: { prototype: { polluted: true } } }],
    ['prototype key', { ...base, prototype: { polluted: true } }],
    ['an object with an inherited key', Object.assign(Object.create({ polluted: true }) as object, base)],
  ];
  for (const key of Object.keys(base)) {
    const without = { ...base };
    delete without[key];
    cases.push([`missing ${key}`, without]);
    for (const wrong of wrongTypesFor(base[key])) {
      cases.push([`${key} = ${label(wrong)}`, { ...base, [key]: wrong }]);
    }
  }
  // Strings past any reasonable size, in every string field.
  for (const [key, value] of Object.entries(base)) {
    if (typeof value === 'string') cases.push([`huge ${key}`, { ...base, [key]: HUGE }]);
  }
  return cases;
}

function label(v: unknown): string {
  if (typeof v === 'string') return v.length > 20 ? `string(${v.length})` : JSON.stringify(v);
  if (Array.isArray(v)) return '[]';
  return String(v === null ? 'null' : typeof v === 'object' ? '{}' : v);
}

describe('IPC contract: malformed arguments never reach the service', () => {
  it.each(REQUEST_CHANNELS.map((c) => [c]))('%s', async (channel) => {
    const { service, calls } = countingService();
    for (const [label, args] of malformed(channel)) {
      const result = await dispatch(service, channel, args);
      expect(result, `${channel} with ${label}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_arguments' },
      });
      if (!result.ok) {
        // A message a person can read, bounded even when the input was two megabytes.
        expect(result.error.message.length).toBeLessThanOrEqual(300);
        expect(result.error.message).not.toContain('xxxxxxxxxx');
      }
    }
    expect(calls.get(channel) ?? 0).toBe(0);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('edit fields are checked too: unknown fields, wrong types, huge text, __proto__', async () => {
    const { service, calls } = countingService();
    const bad = [
      { title: 1 },
      { title: null },
      { body: 'x' },
      { title: 'x'.repeat(20_000) },
      { description: 'x'.repeat(1_000_001) },
      JSON.parse('{"__proto__": {"title": "sneaky"}}') as unknown,
      'title',
    ];
    for (const fields of bad) {
      const result = await dispatch(service, 'outbox:edit', { uuid: 'a1b2', fields });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    }
    expect(calls.size).toBe(0);
  });

  it('unknown channels are refused, including names every object inherits', async () => {
    const { service, calls } = countingService();
    for (const channel of [
      '',
      'nope',
      'ACCOUNT:STATE',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      42,
      null,
      undefined,
      {},
    ]) {
      const result = await dispatch(service, channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    }
    expect(calls.size).toBe(0);
  });

  it('well-formed arguments do reach the service, once per call', async () => {
    const { service, calls } = countingService();
    for (const channel of REQUEST_CHANNELS) {
      const result = await dispatch(service, channel, minimalArgs[channel]);
      expect(result, channel).toEqual({ ok: true, value: null });
    }
    expect([...calls.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
  });

  it('for any value at all, the service is called exactly when the contract accepts it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...REQUEST_CHANNELS),
        fc.anything({ withObjectString: true, withNullPrototype: true }),
        async (channel, args) => {
          const { service, calls } = countingService();
          const result = await dispatch(service, channel, args);
          const accepted = requests[channel].args.safeParse(args).success;
          expect(result.ok).toBe(accepted);
          expect(calls.get(channel) ?? 0).toBe(accepted ? 1 : 0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
