#!/usr/bin/env bash
# Bundles the sdesk command line into out/cli/sdesk.mjs (native modules stay external). Bundling
# makes it start in a fraction of a second instead of loading hundreds of modules one by one.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
mkdir -p out/cli
# The tree is ESM; a few bundled CommonJS dependencies still call require().
node_modules/.bin/esbuild src/cli/main.ts --bundle --platform=node --format=esm --target=node22 \
  --external:better-sqlite3 --external:keytar --outfile="out/cli/sdesk.$$.mjs.tmp" --log-level=warning \
  --banner:js="import { createRequire as __sdeskRequire } from 'node:module'; const require = __sdeskRequire(import.meta.url);"
mv "out/cli/sdesk.$$.mjs.tmp" out/cli/sdesk.mjs
