// The two request channels that only read the cache: the window's search as you type and its detail
// view. The service answers them from its session; the reader thread (src/main/threads/reader-thread.ts)
// answers them from its own connection, so that they never wait behind a sync. One implementation.
import type { ArgsOf, RecordingDetail, SearchResult } from '../../shared/contract';
import type { CacheReads } from '../cache-reader';

/** The channels a reader answers. */
export const READ_CHANNELS = ['search:query', 'recording:get'] as const;

/** The read channels' handlers: they answer at once (ServiceHandlers allows a promise). */
export interface ReadHandlers {
  'search:query'(args: ArgsOf<'search:query'>): SearchResult;
  'recording:get'(args: ArgsOf<'recording:get'>): RecordingDetail | null;
}

/** Handlers of the read channels over whichever reads `source` gives (it throws when none is open). */
export function readChannels(source: () => CacheReads): ReadHandlers {
  return {
    'search:query'(args: ArgsOf<'search:query'>): SearchResult {
      // The parsed query stays behind: the renderer parses its own chips.
      const { total, totalExact, sort, reason, results } = source().search(args);
      return { total, totalExact, sort, reason, results };
    },
    'recording:get'(args: ArgsOf<'recording:get'>): RecordingDetail | null {
      return source().show(args.uuid) ?? null;
    },
  };
}
