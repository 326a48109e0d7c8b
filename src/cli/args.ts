import { parseArgs } from 'node:util';
import { SEARCH_SORTS } from '../main/search';
import { usage } from './errors';

/** One flag of the command line: how it parses and how `--help` shows it. */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** What the value looks like in help: `N`, `FILE`, `json|csv`. */
  readonly value?: string;
  /** The default, in the compact listing of `sdesk --help`: `--limit N (20, any number)`. */
  readonly def?: string;
  /** One line for `sdesk help COMMAND`. */
  readonly help: string;
  /** Taken by every command (and may stand before the command name). */
  readonly global?: true;
}

/**
 * Every flag sdesk knows, declared once. Which command takes which is said in the command table
 * (./command-table.ts); global ones are taken by all. parseArgs needs the whole set up front, because
 * global flags may come before the command name.
 */
export const FLAGS = {
  'api-url': {
    type: 'string',
    value: 'URL',
    help: 'default: $SCREENDESK_API_URL, else https://app.screendesk.io/api/v2',
    global: true,
  },
  'data-dir': {
    type: 'string',
    value: 'DIR',
    help: "default: $SCREENDESK_DATA_DIR, else the desktop app's data folder",
    global: true,
  },
  json: { type: 'boolean', help: 'exactly one JSON document on stdout; messages go to stderr', global: true },
  help: { type: 'boolean', short: 'h', help: 'this help', global: true },
  version: { type: 'boolean', help: "sdesk's version", global: true },
  limit: { type: 'string', value: 'N', def: '20, any number', help: 'how many results to print' },
  offset: { type: 'string', value: 'N', def: '0', help: 'skip that many results first' },
  sort: { type: 'string', value: SEARCH_SORTS.join('|'), help: 'the order of the results' },
  format: { type: 'string', value: 'json|csv', def: 'json', help: 'a JSON array or a CSV table' },
  out: { type: 'string', short: 'o', value: 'FILE', def: 'stdout', help: 'write to this file' },
  port: { type: 'string', value: 'N', help: 'the port on 127.0.0.1 (a free one when not given)' },
  recordings: { type: 'string', value: 'N', def: '250', help: 'how many demo recordings to make' },
  latency: { type: 'string', value: 'MS', help: 'wait that long before every answer' },
  'page-size': { type: 'string', value: 'N', def: '100', help: 'recordings per page of the list' },
  title: { type: 'string', value: 'T', help: 'the new title' },
  summary: { type: 'string', value: 'S', help: 'the new summary (--summary "" sets empty text)' },
  description: { type: 'string', value: 'D', help: 'the new description' },
  'clear-summary': { type: 'boolean', help: 'set the summary to null' },
  'clear-description': { type: 'boolean', help: 'set the description to null' },
  'keep-mine': { type: 'boolean', help: "send your values over the server's" },
  'take-theirs': { type: 'boolean', help: "keep the server's values and drop yours" },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;

/** One flag's declaration, seen through the common shape. */
export function flagSpec(name: FlagName): FlagSpec {
  return FLAGS[name];
}

/** Whether every command takes the flag. */
export function isGlobalFlag(name: FlagName): boolean {
  return flagSpec(name).global === true;
}

/** Options as parsed, typed from FLAGS; which ones a command accepts is checked against its table entry. */
export type CliOptions = {
  -readonly [K in FlagName]?: (typeof FLAGS)[K]['type'] extends 'string' ? string : boolean;
};

export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  options: CliOptions;
}

/** Parses argv (without node and the script); unknown options are a usage error. */
export function parseCliArgs(argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: FLAGS,
      allowPositionals: true,
      strict: true,
    });
    const [command, ...rest] = positionals;
    return { command, positionals: rest, options: values as CliOptions };
  } catch (error) {
    throw usage(error instanceof Error ? error.message : String(error));
  }
}

/** A whole number option within bounds, or the default. */
export function intOption(
  name: string,
  value: string | undefined,
  def: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return def;
  if (!/^\d+$/.test(value.trim())) throw usage(`--${name} must be a whole number, not "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw usage(`--${name} must be between ${min} and ${max}`);
  return n;
}
