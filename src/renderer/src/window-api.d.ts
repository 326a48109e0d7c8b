// What the preload puts on `window`. Optional because the browser host (development, tests) has no
// preload: read the API through api/renderer-api.ts, which falls back to the host's WebSocket.
import type { RendererApi } from '@shared/contract';

declare global {
  interface Window {
    /** The IPC contract's functions, exposed by the preload through contextBridge (app only). */
    readonly api?: RendererApi;
  }
}

export {};
