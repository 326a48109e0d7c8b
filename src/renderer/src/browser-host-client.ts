// The browser host's page script (never part of the app's bundle): gives the page the `window.api` a
// preload gives it in the app, carried over the host's WebSocket instead of IPC.
import { createWireApi } from './api/wire-api';

Object.defineProperty(window, 'api', { value: createWireApi(), enumerable: true });
