import { DEFAULT_API_URL, APP_NAME } from '../shared/app';
import { normalizeBaseUrl } from '../main/api';
import { preparePrivateDataDir } from '../main/data-folder';
import { defaultDataDir } from '../main/paths';
import { openSecretStore } from '../main/secrets';
import type { SecretStore } from '../main/secrets';
import { AccountSession } from '../main/session';
import type { CliOptions } from './args';
import { CliError, EXIT } from './errors';

/** What every command knows: where the API is, where the cache is, how to talk to people. */
export interface CliContext {
  apiUrl: string;
  dataDir: string;
  json: boolean;
  env: NodeJS.ProcessEnv;
  /** Messages and progress for people: stderr, so stdout stays one JSON document with --json. */
  say(line: string): void;
  /** The command's result: stdout. */
  print(text: string): void;
}

/** Resolves --api-url and --data-dir against the environment and the defaults. */
export function makeContext(options: CliOptions, env: NodeJS.ProcessEnv = process.env): CliContext {
  let apiUrl: string;
  try {
    apiUrl = normalizeBaseUrl(options['api-url'] ?? env['SCREENDESK_API_URL'] ?? DEFAULT_API_URL);
  } catch (error) {
    throw new CliError(EXIT.usage, error instanceof Error ? error.message : String(error));
  }
  return {
    apiUrl,
    dataDir: options['data-dir'] ?? env['SCREENDESK_DATA_DIR'] ?? defaultDataDir(env),
    json: options.json === true,
    env,
    say: (line) => process.stderr.write(`${line}\n`),
    print: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}

/** The OS keychain, or an error saying why it cannot be used (the CLI has no session to fall back on). */
export async function keychain(): Promise<SecretStore> {
  const { store, reason } = await openSecretStore({ service: APP_NAME });
  if (store.kind !== 'keychain') {
    throw new CliError(
      EXIT.failure,
      `The system keychain is not available (${reason ?? 'unknown reason'}).\n` +
        'On a machine without a keychain, pass the token in SCREENDESK_API_TOKEN instead.',
    );
  }
  return store;
}

/** The token: SCREENDESK_API_TOKEN, else the keychain entry for this API URL. Exit 3 when there is none. */
async function requireToken(ctx: CliContext): Promise<string> {
  const fromEnv = ctx.env['SCREENDESK_API_TOKEN']?.trim();
  if (fromEnv) return fromEnv;
  const { store, reason } = await openSecretStore({ service: APP_NAME });
  const saved = store.kind === 'keychain' ? await store.get(ctx.apiUrl) : null;
  if (saved) return saved;
  const why = reason ? ` (the system keychain is not available: ${reason})` : '';
  throw new CliError(
    EXIT.auth,
    `No API token for ${ctx.apiUrl}${why}.\nRun 'sdesk login' or set SCREENDESK_API_TOKEN.`,
  );
}

/** Opens the signed-in account's session; the caller closes it. */
export async function openSession(ctx: CliContext): Promise<AccountSession> {
  const token = await requireToken(ctx);
  // The cache is customer data, shared with the app: the same private folder (0700, files 0600).
  preparePrivateDataDir(ctx.dataDir);
  return new AccountSession({
    dataDir: ctx.dataDir,
    apiUrl: ctx.apiUrl,
    token,
    // A command line must not hang on an unreachable server: short attempts, few retries.
    client: { timeoutMs: 8_000, retry: { maxAttempts: 3, maxDelayMs: 2_000, maxRetryAfterMs: 10_000 } },
  });
}
