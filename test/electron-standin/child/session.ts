// The stand-in default session: the permission handlers (the harness asks them what Chromium would),
// webRequest.onHeadersReceived (recorded), storage and cache clearing (recorded), and the two pieces of
// Chromium's network state that net.fetch shares with the window: a cookie jar and an HTTP cache.
import type * as Electron from 'electron';
import { record } from './link';
import { protocol } from './protocol';

/** A response kept by the stand-in HTTP cache. */
export interface CachedResponse {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  expires: number;
}

type CheckHandler = (wc: unknown, permission: string, origin: string, details: unknown) => boolean;
type RequestHandler = (
  wc: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;

class StandInSession {
  readonly protocol = protocol;
  /** host → cookie name → value */
  readonly cookieJar = new Map<string, Map<string, string>>();
  /** URL → response */
  readonly httpCache = new Map<string, CachedResponse>();
  permissionCheck: CheckHandler | null = null;
  permissionRequest: RequestHandler | null = null;
  devicePermission: ((details: unknown) => boolean) | null = null;
  readonly webRequest = {
    onHeadersReceived: (...args: unknown[]) => {
      record('session:onHeadersReceived', { withFilter: args.length > 1 });
    },
  };

  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.permissionCheck = handler;
    record('session:setPermissionCheckHandler');
  }

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.permissionRequest = handler;
    record('session:setPermissionRequestHandler');
  }

  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.devicePermission = handler;
    record('session:setDevicePermissionHandler');
  }

  async clearCache(): Promise<void> {
    this.httpCache.clear();
    record('session:clearCache');
  }

  async clearStorageData(options?: Electron.ClearStorageDataOptions): Promise<void> {
    this.cookieJar.clear();
    record('session:clearStorageData', { options: options ?? null });
  }

  async clearAuthCache(): Promise<void> {
    record('session:clearAuthCache');
  }

  /** Chromium's answer to a permission check with the handlers set (granted when none is set). */
  check(wc: unknown, permission: string, origin: string): boolean {
    const details = { requestingUrl: origin, isMainFrame: true, embeddingOrigin: origin };
    return this.permissionCheck ? this.permissionCheck(wc, permission, origin, details) : true;
  }

  /** Chromium's answer to a permission request. */
  request(wc: unknown, permission: string, origin: string): Promise<boolean> {
    const handler = this.permissionRequest;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) =>
      handler(wc, permission, resolve, { requestingUrl: origin, isMainFrame: true }),
    );
  }
}

/** The stand-in session module's defaultSession. */
export const defaultSession = new StandInSession();

/** The stand-in `session` module. */
export const session = {
  defaultSession,
  fromPartition(): never {
    throw new Error('The stand-in has the default session only');
  },
};
