// Fixed strings and defaults, so the README and the CLI can print them and tests can rely on them.

export const DEMO_ADMIN_TOKEN = 'demo-admin-token';
export const DEMO_MEMBER_TOKEN = 'demo-member-token';
/** Data is generated relative to this instant unless told otherwise, so it is the same on every run. */
export const DEMO_DEFAULT_NOW = new Date('2026-11-01T12:00:00Z');
export const DEMO_DEFAULT_RECORDINGS = 250;
export const DEMO_DEFAULT_PAGE_SIZE = 100;
export const DEMO_DEFAULT_SEED = 1;
export const DEMO_DEFAULT_BASE_PATH = '/api/v2';
/** Where the real service shows a recording; the demo keeps the same shape. */
export const DEMO_RECORDING_URL_PREFIX = 'https://app.screendesk.io/recordings/';
