/** Names used by every side: window titles, keychain service, data folder. */
export const APP_NAME = 'Screendesk Desktop';
export const APP_ID = 'io.screendesk.desktop';
/** The production API base; any other base (with or without a path) works too. */
export const DEFAULT_API_URL = 'https://app.screendesk.io/api/v2';
