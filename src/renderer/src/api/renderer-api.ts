// The renderer's one door to the service: `window.api`. In the app, the preload put it there (IPC).
// In the browser host (development and tests, never shipped) the host's own script put it there before
// this bundle ran (api/wire-api.ts, which this bundle does not contain). main.ts reads it once and hands
// it to the components through context (context.ts), so a component test can hand them a fake.
import type { IpcResult, RendererApi } from '@shared/contract';
import { REQUEST_CHANNELS } from '@shared/channels';

/**
 * The preload's API with every argument sent as plain JSON data. Svelte's $state values are Proxies,
 * which Electron's IPC cannot clone but JSON (the browser host's wire) handles: copying here makes both
 * doors accept exactly the same calls.
 */
function plainArgs(preload: RendererApi): RendererApi {
  const wrapped: Record<string, unknown> = Object.fromEntries(
    REQUEST_CHANNELS.map((channel) => {
      const call = preload[channel] as (args?: unknown) => Promise<IpcResult<unknown>>;
      return [channel, (args?: unknown) => call(args === undefined ? {} : JSON.parse(JSON.stringify(args)))];
    }),
  );
  wrapped['on'] = preload.on;
  return wrapped as RendererApi;
}

/** What a page opened outside the app gets: every call says so, nothing waits forever. */
function unavailableApi(): RendererApi {
  const answer = (): Promise<IpcResult<unknown>> =>
    Promise.resolve({
      ok: false,
      error: { code: 'internal', message: 'This page works only inside Screendesk Desktop.' },
    });
  const calls: Record<string, unknown> = Object.fromEntries(
    REQUEST_CHANNELS.map((channel) => [channel, answer]),
  );
  calls['on'] = () => () => undefined;
  return calls as RendererApi;
}

/** The service, as the renderer sees it: IPC in the app, the browser host's WebSocket in development. */
export function windowApi(): RendererApi {
  return typeof window !== 'undefined' && window.api ? plainArgs(window.api) : unavailableApi();
}
