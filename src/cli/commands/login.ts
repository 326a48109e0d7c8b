import { ScreendeskClient } from '../../main/api';
import type { CliContext } from '../context';
import { keychain } from '../context';
import { CliError, EXIT, usage } from '../errors';

/** `sdesk login`: reads a token on stdin, checks it against the API, keeps it in the OS keychain. */
export async function loginCommand(ctx: CliContext, args: string[]): Promise<void> {
  if (args.length > 0)
    throw usage('login reads the token on stdin, not as an argument (it would stay in your shell history)');
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
  await store.set(ctx.apiUrl, token);
  if (ctx.json) ctx.print(JSON.stringify({ apiUrl: ctx.apiUrl, recordings: check.count }));
  else
    ctx.print(
      `Signed in to ${ctx.apiUrl}: ${check.count} recordings visible. The token is in your keychain.`,
    );
}

/** `sdesk logout`: forgets the token of this API URL. The cache stays (see --help). */
export async function logoutCommand(ctx: CliContext, args: string[]): Promise<void> {
  if (args.length > 0) throw usage('logout takes no arguments');
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
