// A benchmark part in a Node process of its own (TypeScript through tsx's loader, no tsx wrapper
// process in between, so the pid is the process measured).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Starts `script` (a .ts file) in a new Node process with `args`. */
export function spawnTs(
  script: string,
  args: string[],
  nodeFlags: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Runs `script` to its end and returns the last line it printed, parsed as JSON. */
export async function runTsForJson<T>(script: string, args: string[], nodeFlags: string[] = []): Promise<T> {
  const child = spawnTs(script, args, nodeFlags);
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', fail);
    child.once('exit', done);
  });
  if (code !== 0) throw new Error(`${script} exited with ${String(code)}`);
  const last = out.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

/** Stops `child` with `signal` and waits until it has exited (at once if it already has). */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}
