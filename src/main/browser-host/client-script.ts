// The page script that gives a browser-host page its `window.api` (src/renderer/src/browser-host-client.ts),
// built here, once per process, rather than into the renderer's bundle: the app's bundle then holds
// no WebSocket door to the service at all. The host serves it and adds it to index.html ahead of the
// app's own script (module scripts run in document order).
import { resolve } from 'node:path';
import { build } from 'esbuild';

/** Where the host serves the script. */
export const CLIENT_SCRIPT_PATH = '/__browser-host/client.js';

const ROOT = resolve(import.meta.dirname, '../../..');
let built: Promise<string> | null = null;

/** The bundled script (an ES module). */
export function clientScript(): Promise<string> {
  built ??= build({
    entryPoints: [resolve(ROOT, 'src/renderer/src/browser-host-client.ts')],
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
