import { startDemoServer } from '../../main/demo';
import type { CliOptions } from '../args';
import { intOption } from '../args';
import type { CliContext } from '../context';

/** `sdesk demo`: serves the demo account on 127.0.0.1 until interrupted. */
export async function demoCommand(ctx: CliContext, options: CliOptions): Promise<void> {
  const server = await startDemoServer({
    port: intOption('port', options.port, 0, 0, 65_535),
    recordings: intOption('recordings', options.recordings, 250, 0, 100_000),
    latencyMs: intOption('latency', options.latency, 0, 0, 60_000),
    pageSize: intOption('page-size', options['page-size'], 100, 1, 1_000),
  });
  if (ctx.json) {
    ctx.print(
      JSON.stringify({
        url: server.url,
        adminToken: server.adminToken,
        memberToken: server.memberToken,
        memberEmail: server.memberEmail,
        recordings: server.data.size(),
      }),
    );
  } else {
    ctx.print(
      [
        `Demo Screendesk API: ${server.url} (${server.data.size()} recordings)`,
        `  admin token:  ${server.adminToken}   (sees and edits every recording)`,
        `  member token: ${server.memberToken}  (sees only ${server.memberEmail}'s recordings, cannot edit)`,
        '',
        'Try it from another terminal:',
        `  SCREENDESK_API_TOKEN=${server.adminToken} ./bin/sdesk --api-url ${server.url} sync`,
        `  SCREENDESK_API_TOKEN=${server.adminToken} ./bin/sdesk --api-url ${server.url} search checkout`,
      ].join('\n'),
    );
  }
  ctx.say('Serving until Ctrl+C.');
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
}
