// DesktopService's accounts, through dispatch exactly as the doors call it: a real demo server, a real
// data dir, a memory keychain.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountState, SearchResult, SyncSummary } from '../../src/shared/contract';
import { accountDir } from '../../src/main/db';
import { startDemoServer } from '../../src/main/demo';
import type { DemoServer } from '../../src/main/demo';
import { MemorySecretStore } from '../../src/main/secrets';
import { serviceFixture } from '../helpers/service-fixture';
import type { ServiceFixture } from '../helpers/service-fixture';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function server(opts: { seed?: number; recordings?: number } = {}): Promise<DemoServer> {
  const s = await startDemoServer({ recordings: opts.recordings ?? 40, seed: opts.seed ?? 1 });
  cleanup.push(() => s.close());
  return s;
}

function fixture(...args: Parameters<typeof serviceFixture>): ServiceFixture {
  const f = serviceFixture(...args);
  cleanup.push(() => f.close());
  return f;
}

describe('DesktopService: accounts', () => {
  it('refuses a bad token with an auth error and stays signed out, keeping nothing', async () => {
    const demo = await server();
    const f = fixture();
    const result = await f.call('account:signIn', { apiUrl: demo.url, token: 'not-the-token' });
    expect(result).toMatchObject({ ok: false, error: { code: 'auth' } });
    if (!result.ok) expect(result.error.message).toMatch(/token was not accepted/i);
    expect(await f.secrets.get(demo.url)).toBeNull();
    expect((await f.value<AccountState>('account:state')).signedIn).toBe(false);
    // Account-bound calls say why they cannot answer.
    expect(await f.call('search:query', { query: '' })).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    });
  });

  it('refuses an API URL that is not http(s) as a validation error', async () => {
    const f = fixture();
    const result = await f.call('account:signIn', { apiUrl: 'file:///etc/passwd', token: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('signs in, syncs, searches, and signs out deleting the cache and the token', async () => {
    const demo = await server();
    const f = fixture();
    const state = await f.value<AccountState>('account:signIn', { apiUrl: demo.url, token: demo.adminToken });
    expect(state).toMatchObject({ signedIn: true, apiUrl: demo.url, demo: false, tokenStorage: 'memory' });
    expect(await f.secrets.get(demo.url)).toBe(demo.adminToken);

    const summary = await f.value<SyncSummary>('sync:now');
    expect(summary.total).toBe(40);
    const title = String(demo.data.list()[3]?.title);
    const found = await f.value<SearchResult>('search:query', { query: `"${title}"` });
    expect(found.results.map((r) => r.title)).toContain(title);
    expect(found.results[0]?.local).toBeNull();

    const dir = accountDir(f.dataDir, state.accountId ?? '');
    expect(existsSync(dir)).toBe(true);
    const out = await f.value<AccountState>('account:signOut', { deleteCache: true });
    expect(out.signedIn).toBe(false);
    // The form is prefilled with the URL, but the token and the cache are gone.
    expect(out.apiUrl).toBe(demo.url);
    expect(await f.secrets.get(demo.url)).toBeNull();
    expect(existsSync(dir)).toBe(false);
    expect(await f.call('search:query', { query: title })).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    });
    expect(f.events.of('account:changed').at(-1)?.signedIn).toBe(false);
  });

  it("switching accounts never serves the previous account's recordings", async () => {
    const first = await server({ seed: 1 });
    const second = await server({ seed: 2, recordings: 30 });
    const f = fixture();
    await f.value('account:signIn', { apiUrl: first.url, token: first.adminToken });
    await f.value('sync:now');
    const firstUuids = new Set(first.data.uuids());
    const everything = await f.value<SearchResult>('search:query', { query: '', limit: 1000 });
    expect(everything.total).toBe(40);

    // The new token is checked first (a bad one must not sign the user out of the first account);
    // then hold the second server's answers, so the switch is caught before its first sync lands.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let seen = 0;
    second.onRequest = () => (++seen > 1 ? held : undefined);
    const switched = f.events.next('account:changed', (a) => a.apiUrl === second.url && a.signedIn);
    const switching = f.value('account:signIn', { apiUrl: second.url, token: second.adminToken });
    await switched;
    const during = await f.value<SearchResult>('search:query', { query: '', limit: 1000 });
    expect(during.results.some((r) => firstUuids.has(r.uuid))).toBe(false);
    expect(during.total).toBe(0);
    release();
    await switching;
    const afterSwitch = await f.value<SearchResult>('search:query', { query: '', limit: 1000 });
    expect(afterSwitch.results.some((r) => firstUuids.has(r.uuid))).toBe(false);
    await f.value('sync:now');
    const synced = await f.value<SearchResult>('search:query', { query: '', limit: 1000 });
    expect(synced.total).toBe(30);
    expect(new Set(synced.results.map((r) => r.uuid))).toEqual(new Set(second.data.uuids()));
  });

  it('restores the last account at the next start from the keychain, without the network', async () => {
    const demo = await server();
    const secrets = new MemorySecretStore();
    const f1 = serviceFixture({ secrets });
    await f1.value('account:signIn', { apiUrl: demo.url, token: demo.adminToken });
    await f1.value('sync:now');
    await f1.value('settings:set', { syncIntervalMinutes: 7 });
    await f1.service.close();
    await demo.close();

    // Same data dir and keychain, server gone: the app opens on its cache.
    const f2 = fixture({ dataDir: f1.dataDir, secrets });
    cleanup.push(async () => (await import('node:fs')).rmSync(f1.dataDir, { recursive: true, force: true }));
    await f2.service.start();
    const state = await f2.value<AccountState>('account:state');
    expect(state).toMatchObject({ signedIn: true, apiUrl: demo.url });
    const all = await f2.value<SearchResult>('search:query', { query: '' });
    expect(all.total).toBe(40);
    expect(await f2.value('settings:get')).toEqual({ syncIntervalMinutes: 7 });
  });

  it('tells the user plainly when the keychain refuses the token, and keeps it for this session', async () => {
    const demo = await server();
    const refusing = new MemorySecretStore();
    Object.defineProperty(refusing, 'kind', { value: 'keychain' });
    const { SecretStoreError } = await import('../../src/main/secrets');
    refusing.set = () =>
      Promise.reject(new SecretStoreError('keychain_unavailable', 'The keyring is locked'));
    const f = fixture({ secrets: refusing });
    const state = await f.value<AccountState>('account:signIn', { apiUrl: demo.url, token: demo.adminToken });
    expect(state.signedIn).toBe(true);
    expect(state.tokenStorage).toBe('memory');
    expect(state.keychainWarning).toMatch(/keyring is locked.*this session only/i);
    expect(await f.value<SyncSummary>('sync:now')).toMatchObject({ total: 40 });
  });

  it('"Try demo data" starts the demo server and signs in to it, token kept in memory', async () => {
    const f = fixture();
    const state = await f.value<AccountState>('account:signInDemo');
    expect(state).toMatchObject({
      signedIn: true,
      demo: true,
      tokenStorage: 'memory',
      keychainWarning: null,
    });
    expect(state.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
    expect(await f.secrets.get(state.apiUrl ?? '')).toBeNull();
    const summary = await f.value<SyncSummary>('sync:now');
    expect(summary.total).toBe(60);
    const signedOut = await f.value<AccountState>('account:signOut', { deleteCache: true });
    expect(signedOut.signedIn).toBe(false);
    expect(f.service.demoServer).toBeNull();
  });

  it('opens only https links, through the injected opener', async () => {
    const f = fixture();
    expect(await f.call('shell:openExternal', { url: 'https://app.screendesk.io/recordings/1' })).toEqual({
      ok: true,
      value: null,
    });
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://u:p@x.test',
    ]) {
      expect(await f.call('shell:openExternal', { url })).toMatchObject({ ok: false });
    }
    expect(f.opened).toEqual(['https://app.screendesk.io/recordings/1']);
  });
});
