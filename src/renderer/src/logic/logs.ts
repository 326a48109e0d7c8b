// Console logs as captured by Screendesk: one "[level]" line per console call ("14:05:09.120 [error] …"),
// stack traces continuing on indented lines. The viewer colours errors and warnings; a continuation
// line takes the level of the line it continues, so a whole stack trace reads as one error.

/** How a log line is shown. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'log';

/** One line of a console log, ready to show. */
export interface LogLine {
  /** 0-based line number. */
  index: number;
  text: string;
  level: LogLevel;
}

const LEVEL_TAG = /\[(error|err|fatal|severe|warn|warning|info|information|debug|trace|verbose|log)\]/i;
const LEVEL_WORD = /^\s*(?:\S+\s+)?(ERROR|FATAL|WARN|WARNING|INFO|DEBUG|TRACE)\b/;
const CONTINUATION = /^(\s+\S|\s*at\s|\s*\.\.\.\s*\d+\s+more)/;
const ERROR_HINT = /^(Uncaught\b|Unhandled\b|(?:[A-Z][A-Za-z]*)?Error:|Failed to load resource)/;
const WARN_HINT = /^(Warning:|\[Deprecation\])/;

function levelOf(tag: string): LogLevel {
  switch (tag.toLowerCase()) {
    case 'error':
    case 'err':
    case 'fatal':
    case 'severe':
      return 'error';
    case 'warn':
    case 'warning':
      return 'warn';
    case 'info':
    case 'information':
      return 'info';
    case 'debug':
    case 'trace':
    case 'verbose':
      return 'debug';
    default:
      return 'log';
  }
}

/** The level a line states itself, or null when it states none. */
export function ownLevel(line: string): LogLevel | null {
  const tag = LEVEL_TAG.exec(line);
  if (tag?.[1]) return levelOf(tag[1]);
  const word = LEVEL_WORD.exec(line);
  if (word?.[1]) return levelOf(word[1]);
  const trimmed = line.trimStart();
  if (ERROR_HINT.test(trimmed)) return 'error';
  if (WARN_HINT.test(trimmed)) return 'warn';
  return null;
}

/** Splits a console log into lines and gives each its level. */
export function classifyLog(text: string | null | undefined): LogLine[] {
  if (text === null || text === undefined || text === '') return [];
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
  const lines: LogLine[] = [];
  let previous: LogLevel = 'log';
  raw.forEach((line, index) => {
    const own = ownLevel(line);
    const level = own ?? (CONTINUATION.test(line) && index > 0 ? previous : 'log');
    lines.push({ index, text: line, level });
    previous = level;
  });
  return lines;
}

/** Counts of each level, for the viewer's summary. */
export function countLevels(lines: readonly LogLine[]): Record<LogLevel, number> {
  const counts: Record<LogLevel, number> = { error: 0, warn: 0, info: 0, debug: 0, log: 0 };
  let previousIndex = -2;
  let previousLevel: LogLevel | null = null;
  for (const line of lines) {
    // A stack trace counts once: only lines that state their own level start an entry.
    const starts =
      ownLevel(line.text) !== null || previousLevel !== line.level || previousIndex !== line.index - 1;
    if (starts) counts[line.level]++;
    previousIndex = line.index;
    previousLevel = line.level;
  }
  return counts;
}

/** Indexes of the lines containing `needle`, case-insensitively; empty for an empty needle. */
export function findInLines(lines: readonly LogLine[], needle: string): number[] {
  const n = needle.trim().toLowerCase();
  if (n === '') return [];
  const hits: number[] = [];
  for (const line of lines) if (line.text.toLowerCase().includes(n)) hits.push(line.index);
  return hits;
}
