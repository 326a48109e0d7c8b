import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KeytarSecretStore,
  MemorySecretStore,
  openSecretStore,
  SecretStoreError,
} from '../../src/main/secrets';

const root = resolve(import.meta.dirname, '../..');
const SERVICE = 'Screendesk Desktop Test';
// scripts/test.sh runs the suite inside dbus-run-session with an unlocked gnome-keyring and sets this.
const haveKeyring = process.env['SDESK_TEST_KEYRING'] === '1';

describe.skipIf(!haveKeyring)('OS keychain (gnome-keyring on a private D-Bus session)', () => {
  it('keeps a token per API URL, returns it, and forgets it on sign-out', async () => {
    const { store, warning } = await openSecretStore({ service: SERVICE });
    expect(warning).toBeNull();
    expect(store.kind).toBe('keychain');

    const prod = 'https://app.screendesk.io/api/v2';
    const other = 'http://127.0.0.1:9999/api/v2';
    await store.set(prod, 'token-prod-ÿ€');
    await store.set(other, 'token-other');
    expect(await store.get(prod)).toBe('token-prod-ÿ€');
    expect(await store.get(other)).toBe('token-other');

    expect(await store.delete(prod)).toBe(true);
    expect(await store.get(prod)).toBeNull();
    expect(await store.get(other)).toBe('token-other');
    expect(await store.delete(prod)).toBe(false);
    await store.delete(other);
  });

  it('a token saved by one process is read by the next (it survives a restart)', async () => {
    const { store } = await openSecretStore({ service: SERVICE });
    await store.set('https://restart.test', 'persisted');
    const fresh = await openSecretStore({ service: SERVICE });
    expect(await fresh.store.get('https://restart.test')).toBe('persisted');
    await fresh.store.delete('https://restart.test');
  });
});

describe('without a usable keychain', () => {
  it('falls back to a session-only store and says so plainly', () => {
    // No D-Bus session and no display: libsecret cannot reach any Secret Service.
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };
    const out = execFileSync(resolve(root, 'node_modules/.bin/tsx'), ['test/fixtures/open-secret-store.ts'], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 20_000,
    });
    const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
      kind: string;
      warning: string | null;
      roundTrip: boolean;
    };
    expect(result.kind).toBe('memory');
    expect(result.warning).toMatch(/this session only/);
    expect(result.roundTrip).toBe(true);
  });

  it('a keychain call that hangs is cut off with a clear error', async () => {
    // A locked keyring may wait forever for an unlock prompt; no real keyring hangs on demand, so a
    // keytar whose calls never settle stands in for it.
    const never = () => new Promise<never>(() => {});
    const store = new KeytarSecretStore(
      { getPassword: never, setPassword: never, deletePassword: never },
      SERVICE,
      50,
    );
    const error = await store.get('https://x.test').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretStoreError);
    expect((error as SecretStoreError).code).toBe('keychain_timeout');
    expect((error as Error).message).toMatch(/did not answer/);
  });

  it('the session-only store never outlives its process object', async () => {
    const a = new MemorySecretStore();
    await a.set('u', 't');
    expect(await a.get('u')).toBe('t');
    expect(await new MemorySecretStore().get('u')).toBeNull();
  });
});
