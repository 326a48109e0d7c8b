// The IPC contract's server side, in plain Node: used by the Electron binding and the browser host.
export { dispatch } from './dispatch';
export type { ServiceDoor } from './door';
export { INTERNAL_MESSAGE, toIpcError } from './errors';
