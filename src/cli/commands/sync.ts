import type { SyncProgress } from '../../main/sync';
import type { CliContext } from '../context';
import { openSession } from '../context';
import { cleanForTerminal } from '../terminal';

/** `sdesk sync`: push queued edits, then pull every recording. */
export async function syncCommand(ctx: CliContext): Promise<void> {
  const session = await openSession(ctx);
  const controller = new AbortController();
  const stop = (): void => controller.abort(new Error('Cancelled'));
  process.once('SIGINT', stop);
  try {
    ctx.say(`Syncing with ${ctx.apiUrl}…`);
    let last = 0;
    const summary = await session.sync({
      signal: controller.signal,
      onProgress: (p) => {
        // At most a few lines a second on stderr; a terminal gets one updating line.
        const now = Date.now();
        if (p.phase !== 'done' && now - last < 250) return;
        last = now;
        progressLine(p);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const out = {
      added: summary.added,
      updated: summary.updated,
      removed: summary.removed,
      total: summary.total,
      pushed: summary.pushed,
      failed: summary.failed,
      conflicts: summary.conflicts,
      kept: summary.kept,
      confirmed: summary.confirmed,
      keptReason: summary.keptReason,
    };
    if (ctx.json) ctx.print(JSON.stringify(out));
    else {
      ctx.print(
        `Synced: ${out.added} added, ${out.updated} updated, ${out.removed} removed; ${out.total} recordings cached.`,
      );
      if (out.pushed + out.failed + out.conflicts > 0) {
        ctx.print(`Edits: ${out.pushed} pushed, ${out.failed} failed, ${out.conflicts} in conflict.`);
      }
    }
    if (out.failed + out.conflicts > 0)
      ctx.say("Edits that failed or conflict wait for you: see 'sdesk queue'.");
    const waiting = session.outboxCounts().pending;
    if (waiting > 0)
      ctx.say(`${waiting} edit${waiting === 1 ? ' is' : 's are'} still waiting: see 'sdesk queue'.`);
    if (!ctx.json && out.keptReason !== null)
      ctx.print(cleanForTerminal(keptLine(out.kept, out.confirmed, out.keptReason)));
    for (const note of summary.anomalies)
      ctx.say(`warning: the server's pagination was inconsistent: ${note}`);
    // Searches right after this command should get the merged index; Ctrl-C skips the wait (the next
    // sync merges instead).
    if (session.mergingIndex) ctx.say('Merging the search index…');
    await session.settled(controller.signal);
  } finally {
    process.off('SIGINT', stop);
    session.close();
  }
}

/**
 * What happened to the cached recordings the server's list left out: asked for one by one, still there
 * (confirmed), or kept until a later sync can confirm them. The reason is the sync's own words.
 */
function keptLine(kept: number, confirmed: number, reason: string): string {
  const n = (count: number): string => `${count} recording${count === 1 ? '' : 's'}`;
  const parts = [
    confirmed > 0
      ? `${n(confirmed)} the list left out ${confirmed === 1 ? 'is' : 'are'} still on the server`
      : null,
    kept > 0 ? `${n(kept)} kept until a later sync confirms ${kept === 1 ? 'it is' : 'they are'} gone` : null,
  ].filter((p): p is string => p !== null);
  return `Nothing was removed without the server confirming it (${reason})${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`;
}

function progressLine(p: SyncProgress): void {
  const pages = p.pagesTotal === null ? `${p.pagesDone} pages` : `page ${p.pagesDone}/${p.pagesTotal}`;
  const line = `${p.phase}: ${pages}, ${p.records} recordings`;
  process.stderr.write(process.stderr.isTTY ? `\r\x1b[K${line}` : `${line}\n`);
}
