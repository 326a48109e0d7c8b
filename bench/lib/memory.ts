// Memory of a process as the OS sees it (Linux /proc), with the account cache's memory-mapped pages
// apart: SQLite maps the cache file (src/main/db/open.ts, mmap_size), and those pages count in RSS
// although they are the file's, clean, and the OS drops them whenever it needs the memory. What the
// process really holds is its anonymous memory (heap, stacks, SQLite's page cache): that is "private".
import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  /** Resident set: everything in RAM for the process, mapped files included (MB). */
  rssMb: number;
  /** Anonymous memory: heap, stacks, allocator arenas; what the OS cannot drop without swapping (MB). */
  privateMb: number;
  /** Private_Dirty of smaps_rollup: pages written by this process alone (MB). */
  privateDirtyMb: number;
  /** Resident pages of the mapped cache files (cache.sqlite, its -wal and -shm), droppable (MB). */
  cacheMappedMb: number;
}

const KB_LINE = /^(\w+):\s+(\d+) kB$/;

function fields(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = KB_LINE.exec(line);
    if (m?.[1] && m[2]) out.set(m[1], (out.get(m[1]) ?? 0) + Number(m[2]));
  }
  return out;
}

/** Resident kB of the mappings in /proc/<pid>/smaps whose file name contains `fileName`. */
function mappedKb(pid: number, fileName: string): number {
  let kb = 0;
  let inFile = false;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    // A mapping's header: "start-end perms offset dev inode [path]"; its fields follow.
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) inFile = line.includes(fileName);
    else if (inFile && line.startsWith('Rss:')) kb += Number(KB_LINE.exec(line)?.[2] ?? 0);
  }
  return kb;
}

/** The memory of process `pid` (default: this one); null where /proc is missing (not Linux). */
export function processMemory(pid = process.pid, cacheFileName = 'cache.sqlite'): ProcessMemory | null {
  let rollup: Map<string, number>;
  try {
    rollup = fields(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
  } catch {
    return null;
  }
  const mb = (kb: number): number => kb / 1024;
  return {
    rssMb: mb(rollup.get('Rss') ?? 0),
    privateMb: mb(rollup.get('Anonymous') ?? 0),
    privateDirtyMb: mb(rollup.get('Private_Dirty') ?? 0),
    cacheMappedMb: mb(mappedKb(pid, cacheFileName)),
  };
}

/** The V8 heap in use by this process (MB), after a full collection when --expose-gc allows one. */
export function heapUsedMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** MB as the tables show them. */
export function mbText(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '—' : `${Math.round(value)} MB`;
}
