// Renders a component the way the app does: the root's context (API, app state, theme) and the
// signed-in account's state, here over a fake API.
import { render } from '@testing-library/svelte';
import type { Component, MountOptions } from 'svelte';
import type { AccountState } from '../../src/shared/contract';
import { accountContext, rootContext } from '../../src/renderer/src/context';
import { AppState } from '../../src/renderer/src/stores/app-state.svelte';
import { Theme } from '../../src/renderer/src/stores/theme.svelte';
import type { FakeApi } from './fake-api';

export const SIGNED_IN: AccountState = {
  signedIn: true,
  apiUrl: 'https://api.screendesk.example/v2',
  accountId: 'acc-1',
  demo: false,
  canEdit: true,
  tokenStorage: 'keychain',
  keychainWarning: null,
  needsToken: false,
  queuePaused: null,
};

/** Signs the app state in (no service round trip) and renders `component` under it. */
export function renderSignedIn<Props extends Record<string, unknown>>(
  fake: FakeApi,
  component: Component<Props>,
  props: Props,
): AppState {
  const app = new AppState(fake.api);
  app.setAccount(SIGNED_IN);
  const scope = app.scope;
  if (scope === null) throw new Error('signed in without an account state');
  const context = new Map([
    ...rootContext({ api: fake.api, app, theme: new Theme() }),
    ...accountContext(scope),
  ]);
  // The generic props defeat MountOptions' conditional type; the object is exactly what it asks for.
  render(component, { props, context } as Partial<MountOptions<Props>>);
  return app;
}
