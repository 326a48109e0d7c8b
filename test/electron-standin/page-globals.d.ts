// Code that runs in the page (page.evaluate callbacks, the bridge's init script) is type-checked with
// the DOM's types, and sees `window.api` as the preload exposes it.
/// <reference lib="dom" />
import type { RendererApi } from '../../src/shared/contract';

declare global {
  interface Window {
    readonly api?: RendererApi;
  }
}

export {};
