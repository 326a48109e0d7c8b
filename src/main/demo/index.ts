// The demo Screendesk server: a faithful local stand-in for the Screendesk API v2 used by the tests,
// the benchmarks, `sdesk demo` and the app's "Try demo data" button. Plain Node; no Electron.
export { DEMO_AGENTS, DEMO_MEMBER_EMAIL } from './agents';
export { DEMO_ADMIN_TOKEN, DEMO_DEFAULT_NOW, DEMO_MEMBER_TOKEN } from './constants';
export { DemoDataStore } from './data-store';
export { generateRecordings } from './generate';
export { paginate, parsePageParam } from './pagination';
export { startDemoServer } from './server';
export type { DemoRequestInfo, DemoServer, DemoServerOptions } from './types';
