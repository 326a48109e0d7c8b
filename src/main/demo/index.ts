// The demo Screendesk server: a faithful local stand-in for the Screendesk API v2 used by the tests,
// the benchmarks, `sdesk demo` and the app's "Try demo data" button. Plain Node; no Electron.
export { DEMO_AGENTS, DEMO_MEMBER_EMAIL, type DemoAgent } from './agents';
export {
  DEMO_ADMIN_TOKEN,
  DEMO_DEFAULT_BASE_PATH,
  DEMO_DEFAULT_NOW,
  DEMO_DEFAULT_PAGE_SIZE,
  DEMO_DEFAULT_RECORDINGS,
  DEMO_DEFAULT_SEED,
  DEMO_MEMBER_TOKEN,
} from './constants';
export { DemoDataStore, type DemoDataOptions } from './data-store';
export { generateRecordings, type GenerateOptions } from './generate';
export { paginate, parsePageParam, type PageSlice } from './pagination';
export { startDemoServer } from './server';
export type {
  DemoData,
  DemoFault,
  DemoFaults,
  DemoRequestInfo,
  DemoRequestLog,
  DemoServer,
  DemoServerOptions,
} from './types';
