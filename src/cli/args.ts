import { parseArgs } from 'node:util';
import { usage } from './errors';

// One option table for every command: global options may stand before or after the command name.
const OPTIONS = {
  'api-url': { type: 'string' },
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  sort: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  port: { type: 'string' },
  recordings: { type: 'string' },
  latency: { type: 'string' },
  'page-size': { type: 'string' },
  title: { type: 'string' },
  summary: { type: 'string' },
  description: { type: 'string' },
  'clear-summary': { type: 'boolean' },
  'clear-description': { type: 'boolean' },
  'keep-mine': { type: 'boolean' },
  'take-theirs': { type: 'boolean' },
} as const;

/** Options as parsed; which ones a command accepts is checked by the command. */
export type CliOptions = Partial<{
  'api-url': string;
  'data-dir': string;
  json: boolean;
  help: boolean;
  version: boolean;
  limit: string;
  offset: string;
  sort: string;
  format: string;
  out: string;
  port: string;
  recordings: string;
  latency: string;
  'page-size': string;
  title: string;
  summary: string;
  description: string;
  'clear-summary': boolean;
  'clear-description': boolean;
  'keep-mine': boolean;
  'take-theirs': boolean;
}>;

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
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [command, ...rest] = positionals;
    return { command, positionals: rest, options: values as CliOptions };
  } catch (error) {
    throw usage(error instanceof Error ? error.message : String(error));
  }
}

/** Rejects options the command does not take (a typo must not be silently ignored). */
export function allowOnly(
  command: string,
  options: CliOptions,
  allowed: readonly (keyof CliOptions)[],
): void {
  const global = new Set<keyof CliOptions>(['api-url', 'data-dir', 'json', 'help', 'version']);
  for (const key of Object.keys(options) as (keyof CliOptions)[]) {
    if (!global.has(key) && !allowed.includes(key)) throw usage(`'${command}' does not take --${key}`);
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
