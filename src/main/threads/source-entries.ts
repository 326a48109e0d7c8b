// The threads from their TypeScript sources, through tsx's loader: how the browser host starts them
// (development and tests run from the sources; the app starts the bundled files, electron.vite.config.ts).
import type { ThreadEntries } from './relay';

export const SOURCE_ENTRIES: ThreadEntries = {
  service: new URL('./service-thread.ts', import.meta.url),
  reader: new URL('./reader-thread.ts', import.meta.url),
  execArgv: ['--import', 'tsx'],
};
