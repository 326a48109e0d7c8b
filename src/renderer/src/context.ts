// How components reach the service and the stores: through Svelte context, never through module
// singletons. main.ts provides the API, the app state and the theme to the root; ShellView provides
// the signed-in account's state (a new one per account). A component test provides fakes the same way,
// with `context: new Map([...rootContext(...), ...accountContext(...)])`.
import { getContext, setContext } from 'svelte';
import type { RendererApi } from '@shared/contract';
import type { AccountScope } from './stores/account.svelte';
import type { AppState } from './stores/app-state.svelte';
import type { Theme } from './stores/theme.svelte';

const API = Symbol('api');
const APP = Symbol('app');
const THEME = Symbol('theme');
const ACCOUNT = Symbol('account');

/** What the root provides to every component. */
export interface RootContext {
  api: RendererApi;
  app: AppState;
  theme: Theme;
}

/** The root's context, for mount() (main.ts) and for component tests. */
export function rootContext(root: RootContext): Map<symbol, unknown> {
  return new Map<symbol, unknown>([
    [API, root.api],
    [APP, root.app],
    [THEME, root.theme],
  ]);
}

/** The signed-in account's context, for component tests (the app calls provideAccount). */
export function accountContext(scope: AccountScope): Map<symbol, unknown> {
  return new Map<symbol, unknown>([[ACCOUNT, scope]]);
}

/** Gives the components below the current account's state. Call while a component initialises. */
export function provideAccount(scope: AccountScope): void {
  setContext(ACCOUNT, scope);
}

/** The service (IPC in the app, the browser host's WebSocket in development, a fake in tests). */
export function useApi(): RendererApi {
  return need<RendererApi>(API, 'the API');
}

export function useApp(): AppState {
  return need<AppState>(APP, 'the app state');
}

export function useTheme(): Theme {
  return need<Theme>(THEME, 'the theme');
}

/** The signed-in account's state: nav, search, outbox, sync status, toasts, cache changes. */
export function useAccount(): AccountScope {
  return need<AccountScope>(ACCOUNT, "the account's state");
}

function need<T>(key: symbol, what: string): T {
  const value = getContext<T | undefined>(key);
  if (value === undefined) throw new Error(`No ${what} in this component's context (see context.ts).`);
  return value;
}
