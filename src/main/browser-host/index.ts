// The browser host: the service in Node, the renderer in any Chromium, the IPC contract over a
// WebSocket. For development (`npm run web`) and end-to-end tests; never part of the app's bundle.
export { startBrowserHost } from './host';
export type { BrowserHost } from './host';
export { contentTypeFor, resolveStaticFile } from '../static-files';
