// A thread's log lines go to the door's logger (one file, one redactor): each line crosses as plain
// data; an error keeps its name, message and stack.
import type { Logger } from '../log/logger';
import type { Rpc } from './rpc';

type Level = 'info' | 'warn' | 'error';

interface SentLine {
  level: Level;
  message: string;
  detail?: unknown;
}

/** The logger of a thread, over `rpc`. */
export function loggerThroughParent(rpc: Rpc): Logger {
  const line = (level: Level) => (message: string, detail?: unknown) => {
    const sent: SentLine =
      detail === undefined ? { level, message } : { level, message, detail: plain(detail) };
    rpc.tell('log', sent);
  };
  return {
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    addSecret: (secret) => rpc.tell('log.secret', secret),
  };
}

/** Writes a thread's lines with `log`. */
export function serveLog(rpc: Rpc, log: Logger, thread: string): void {
  rpc.onTell('log', ({ level, message, detail }: SentLine) => log[level](`[${thread}] ${message}`, detail));
  rpc.onTell('log.secret', (secret: string) => log.addSecret(secret));
}

/** What survives a structured clone: an Error as one (name, message, stack, code), anything odd as text. */
function plain(detail: unknown): unknown {
  if (detail instanceof Error) {
    const error = new Error(detail.message);
    error.name = detail.name;
    error.stack = detail.stack;
    const code = (detail as { code?: unknown }).code;
    if (typeof code === 'string') Object.assign(error, { code });
    return error;
  }
  try {
    structuredClone(detail);
    return detail;
  } catch {
    return String(detail);
  }
}
