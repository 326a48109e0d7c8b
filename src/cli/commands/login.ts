import { existsSync } from 'node:fs';
import { isApiError, normalizeBaseUrl, ScreendeskClient } from '../../main/api';
import { accountDbPath, accountIdFor } from '../../main/db';
import { AccountSession } from '../../main/session';
import type { CliContext } from '../context';
import { keychain } from '../context';
import { CliError, EXIT } from '../errors';

/** `sdesk login`: reads a token on stdin, checks it against the API, keeps it in the OS keychain. */
export async function loginCommand(ctx: CliContext): Promise<void> {
  const token = await readToken();
  if (token === '') throw new CliError(EXIT.auth, 'No token was given on stdin.');
  const client = new ScreendeskClient({
    baseUrl: ctx.apiUrl,
    token,
    timeoutMs: 8_000,
    retry: { maxAttempts: 3 },
  });
  const check = await client.verifyToken();
  const store = await keychain();
  const previous = await store.get(ctx.apiUrl);
  await store.set(ctx.apiUrl, token);
  const moved =
    previous && previous !== token && (await isRejected(ctx, previous))
      ? adoptQueuedEdits(ctx, previous, token)
      : 0;
  if (ctx.json) ctx.print(JSON.stringify({ apiUrl: ctx.apiUrl, recordings: check.count, movedEdits: moved }));
  else {
    ctx.print(
      `Signed in to ${ctx.apiUrl}: ${check.count} recordings visible. The token is in your keychain.`,
    );
    if (moved > 0)
      ctx.print(
        `${moved} queued edit${moved === 1 ? '' : 's'} from the previous token will be sent with this one.`,
      );
  }
}

/**
 * Whether the server now refuses a token (401). Only then is a new login a replacement of the same
 * person's token; a previous token that still works belongs to someone (or something) else.
 */
async function isRejected(ctx: CliContext, token: string): Promise<boolean> {
  try {
    await new ScreendeskClient({
      baseUrl: ctx.apiUrl,
      token,
      timeoutMs: 8_000,
      retry: { maxAttempts: 2 },
    }).verifyToken();
    return false;
  } catch (error) {
    return isApiError(error, 'auth');
  }
}

/**
 * A cache belongs to (API URL, token): a new token (say after the old one was revoked) opens a new
 * cache, and edits queued under the old one would be stranded there. Move them over.
 */
function adoptQueuedEdits(ctx: CliContext, previousToken: string, token: string): number {
  const previousId = accountIdFor(normalizeBaseUrl(ctx.apiUrl), previousToken);
  if (!existsSync(accountDbPath(ctx.dataDir, previousId))) return 0;
  const session = new AccountSession({ dataDir: ctx.dataDir, apiUrl: ctx.apiUrl, token });
  try {
    return session.adoptEditsFrom(previousId);
  } finally {
    session.close();
  }
}

/** `sdesk logout`: forgets the token of this API URL. The cache stays (see --help). */
export async function logoutCommand(ctx: CliContext): Promise<void> {
  const removed = await (await keychain()).delete(ctx.apiUrl);
  if (ctx.json) ctx.print(JSON.stringify({ apiUrl: ctx.apiUrl, removed }));
  else ctx.print(removed ? `Signed out of ${ctx.apiUrl}.` : `No token was saved for ${ctx.apiUrl}.`);
}

/** The first non-empty line of stdin; typed without echo on a terminal. */
async function readToken(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return (
      text
        .split(/\r?\n/)
        .find((line) => line.trim() !== '')
        ?.trim() ?? ''
    );
  }
  process.stderr.write('Paste your Screendesk API token (it will not be shown) and press Enter: ');
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  try {
    let typed = '';
    for await (const chunk of stdin) {
      for (const ch of chunk as string) {
        if (ch === '\u0003') throw new CliError(EXIT.failure, '\nCancelled');
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return typed.trim();
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    }
    return typed.trim();
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    process.stderr.write('\n');
  }
}
