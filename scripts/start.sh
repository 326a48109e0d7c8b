#!/usr/bin/env bash
# Installs everything (scripts/setup.sh), builds the app and opens the desktop window. Where the
# Electron binary cannot be had, it says so and opens the same interface through the browser host
# (npm run web) instead.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/setup.sh
source scripts/env.sh
npm run -s build

if [ ! -f node_modules/electron/path.txt ]; then
  cat >&2 <<'MSG'
The Electron binary is not installed (it is downloaded from Electron's release host, which this
machine cannot reach), so the desktop window cannot open. Opening the same interface, on the same
core and data folder, in your browser instead (the browser host; Ctrl+C stops it). Re-run this
command where the download is possible for the desktop window.

MSG
  exec node scripts/run.mjs tsx scripts/web.ts
fi
# The app loads its own build of better-sqlite3 (the one in node_modules stays built for Node, for the
# tests and the CLI).
npm run -s rebuild:electron
args=()
# Chromium refuses to run as root with its sandbox on; a root session (containers, CI) needs this.
[ "$(id -u)" -eq 0 ] && args+=(--no-sandbox)
exec npx electron "${args[@]+"${args[@]}"}" .
