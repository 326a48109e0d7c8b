// The page script that gives a browser-host page its `window.api` (src/renderer/src/browser-host-client.ts),
// built here, once per process, rather than into the renderer's bundle: the app's bundle then holds
// no WebSocket door to the service at all. The host serves it and adds it to index.html ahead of the
// app's own script (module scripts run in document order).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';

/** Where the host serves the script. */
export const CLIENT_SCRIPT_PATH = '/__browser-host/client.js';

const CLIENT_SOURCE = 'src/renderer/src/browser-host-client.ts';
let built: Promise<string> | null = null;

/** The project's root: above this file, from the sources or from a bundle of the host (a benchmark's). */
function projectRoot(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, CLIENT_SOURCE))) return dir;
    if (dirname(dir) === dir) throw new Error(`${CLIENT_SOURCE} not found above ${import.meta.dirname}`);
  }
}

/** The bundled script (an ES module). */
export function clientScript(): Promise<string> {
  const ROOT = projectRoot();
  built ??= build({
    entryPoints: [resolve(ROOT, CLIENT_SOURCE)],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    alias: { '@shared': resolve(ROOT, 'src/shared') },
    logLevel: 'silent',
  }).then((out) => out.outputFiles[0]?.text ?? '');
  return built;
}

/** index.html with the client script ahead of the app's first script. */
export function withClientScript(html: string): string {
  const tag = `<script type="module" src="${CLIENT_SCRIPT_PATH}"></script>`;
  const at = html.indexOf('<script');
  if (at >= 0) return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
  const head = html.indexOf('</head>');
  return head >= 0 ? `${html.slice(0, head)}${tag}${html.slice(head)}` : `${html}${tag}`;
}
