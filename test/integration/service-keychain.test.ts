// The token's life in the real OS keychain (gnome-keyring on a private D-Bus session, see
// scripts/with-keyring.sh): kept at sign-in, found again at the next start, gone after sign-out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountState } from '../../src/shared/contract';
import { startDemoServer } from '../../src/main/demo';
import type { DemoServer } from '../../src/main/demo';
import { openSecretStore } from '../../src/main/secrets';
import { serviceFixture } from '../helpers/service-fixture';

const haveKeyring = process.env['SDESK_TEST_KEYRING'] === '1';
const SERVICE = 'Screendesk Desktop Test';

describe.skipIf(!haveKeyring)('DesktopService with the OS keychain', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemoServer({ recordings: 10 });
  });
  afterAll(async () => {
    await demo.close();
  });

  it('keeps the token in the keychain, restores from it at the next start, removes it at sign-out', async () => {
    const opened = await openSecretStore({ service: SERVICE });
    expect(opened.store.kind).toBe('keychain');
    const first = serviceFixture({ secrets: opened.store });
    const state = await first.value<AccountState>('account:signIn', {
      apiUrl: demo.url,
      token: demo.adminToken,
    });
    expect(state).toMatchObject({ tokenStorage: 'keychain', keychainWarning: null });
    await first.service.close();

    // A new process: a fresh connection to the keychain, the same data folder.
    const reopened = await openSecretStore({ service: SERVICE });
    expect(await reopened.store.get(demo.url)).toBe(demo.adminToken);
    const second = serviceFixture({ dataDir: first.dataDir, secrets: reopened.store });
    await second.service.start();
    expect(await second.value<AccountState>('account:state')).toMatchObject({
      signedIn: true,
      apiUrl: demo.url,
    });

    await second.value('account:signOut', { deleteCache: true });
    expect(await reopened.store.get(demo.url)).toBeNull();
    await second.close();
    await first.close();
  });
});
