import { contextBridge } from 'electron';

// The typed API (one function per IPC contract channel) lands with the desktop-shell work; until
// then the renderer only learns which platform it runs on.
contextBridge.exposeInMainWorld('platform', { os: process.platform });
