// The main process's log: plain lines with a time and a level. Every line passes a redactor first,
// because an error's text may carry what a server or a proxy echoed back (an Authorization header).
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeRedactor } from './redact';

/** Where the service writes what happened; details of internal errors go here, not to the UI. */
export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
  /** Makes sure `secret` (a token) never appears in a later line, whatever form it takes. */
  addSecret(secret: string): void;
}

/** A logger that drops everything (tests, the plain library). */
export const nullLogger: Logger = {
  info() {},
  warn() {},
  error() {},
  addSecret() {},
};

// Shapes a secret takes even when we were never told about it: a bearer header, a token parameter.
const PATTERNS: [RegExp, string][] = [
  [/(authorization["']?\s*[:=]\s*["']?)(bearer\s+)?[^\s"',;]+/gi, '$1$2[redacted]'],
  [/(bearer\s+)[A-Za-z0-9._~+/=-]{4,}/gi, '$1[redacted]'],
  [/([?&](?:token|api_key|apikey|access_token|key)=)[^&\s"']+/gi, '$1[redacted]'],
  [/("(?:token|apiToken|api_token|password|secret)"\s*:\s*")[^"]*(")/gi, '$1[redacted]$2'],
];

/** Removes every registered secret and every secret-looking pattern from `text`. */
function createRedactor(): { redact(text: string): string; add(secret: string): void } {
  const redactors: ((text: string) => string)[] = [];
  const known = new Set<string>();
  return {
    add(secret) {
      const s = secret.trim();
      // Very short strings would redact ordinary words; a real token is never that short.
      if (s.length < 6 || known.has(s)) return;
      known.add(s);
      redactors.push(makeRedactor(s));
    },
    redact(text) {
      let out = text;
      for (const r of redactors) out = r(out);
      for (const [re, to] of PATTERNS) out = out.replace(re, to);
      return out;
    },
  };
}

/** How a detail (an Error above all) is written: name, message, code and cause chain, no stack data. */
function describeDetail(detail: unknown, depth = 0): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) {
    const code = (detail as { code?: unknown }).code;
    const head = `${detail.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${detail.message}`;
    const stack = detail.stack?.split('\n').slice(1, 6).join('\n') ?? '';
    const cause =
      depth < 3 && detail.cause !== undefined
        ? `\n  caused by ${describeDetail(detail.cause, depth + 1)}`
        : '';
    return `${head}${stack ? `\n${stack}` : ''}${cause}`;
  }
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail);
  } catch {
    return String(detail);
  }
}

/** Options of createFileLogger. */
export interface FileLoggerOptions {
  /** The log file, e.g. <userData>/logs/main.log. */
  path: string;
  /** Size after which the file is rotated to `<path>.1` (default 2 MB); one old file is kept. */
  maxBytes?: number;
  /** Also echo to stderr (development). */
  echo?: boolean;
}

/** A logger appending to a file, rotating it when it grows, redacting every line. */
export function createFileLogger(opts: FileLoggerOptions): Logger {
  const maxBytes = opts.maxBytes ?? 2 * 1024 * 1024;
  const redactor = createRedactor();
  mkdirSync(dirname(opts.path), { recursive: true });
  let size = sizeOf(opts.path);
  const write = (level: string, message: string, detail: unknown): void => {
    const extra = describeDetail(detail);
    const line =
      redactor.redact(`${new Date().toISOString()} ${level} ${message}${extra ? ` ${extra}` : ''}`) + '\n';
    try {
      if (size + line.length > maxBytes) {
        rmSync(`${opts.path}.1`, { force: true });
        renameSync(opts.path, `${opts.path}.1`);
        size = 0;
      }
      appendFileSync(opts.path, line, { mode: 0o600 });
      size += Buffer.byteLength(line);
    } catch {
      // A full disk or a removed folder must never take the app down with it.
    }
    if (opts.echo) process.stderr.write(line);
  };
  return {
    info: (m, d) => write('INFO', m, d),
    warn: (m, d) => write('WARN', m, d),
    error: (m, d) => write('ERROR', m, d),
    addSecret: (s) => redactor.add(s),
  };
}

/** A logger writing redacted lines to stderr (the browser host). */
export function createConsoleLogger(): Logger {
  const redactor = createRedactor();
  const write = (level: string, message: string, detail: unknown): void => {
    const extra = describeDetail(detail);
    process.stderr.write(redactor.redact(`${level} ${message}${extra ? ` ${extra}` : ''}`) + '\n');
  };
  return {
    info: (m, d) => write('INFO', m, d),
    warn: (m, d) => write('WARN', m, d),
    error: (m, d) => write('ERROR', m, d),
    addSecret: (s) => redactor.add(s),
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
