// The service thread's background work (a sync parsing and storing pages, the index merge) gives way to
// what the user waits for: the IPC thread and the reader thread's searches. On Linux a thread has its
// own nice value: this thread's is raised, so that on a busy machine the scheduler runs the others first
// (the sync still gets every core nobody else wants). Elsewhere a thread's priority cannot be set from
// Node (macOS and Windows set it per process), and the thread runs at the process's priority.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value of background threads (0 is normal, 19 the lowest). */
const BACKGROUND_NICE = 10;

/** Lowers the calling thread's priority where the OS allows it; returns whether it did. */
export function runThisThreadInBackground(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    // "/proc/thread-self" names this thread's task: PID/task/TID.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isSafeInteger(tid) || tid <= 0) return false;
    setPriority(tid, BACKGROUND_NICE);
    return true;
  } catch {
    return false;
  }
}
