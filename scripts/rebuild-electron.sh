#!/usr/bin/env bash
# Builds better-sqlite3's native addon for Electron into .native/electron-<version>-<platform>-<arch>/,
# where the app loads it from (src/main/electron/native.ts; packaged as resources/native/). The Node
# build in node_modules is left alone, so the tests and the CLI keep working after the app has run,
# and the reverse. keytar needs no second build: it is an N-API addon, one binary for both runtimes.
#
#   npm run rebuild:electron [-- --force]
#
# Needs Electron's headers (https://electronjs.org/headers) or better-sqlite3's prebuilt Electron
# binary (GitHub releases). Where neither can be reached, it says so and builds nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
# env.sh may point node-gyp at Node's headers; this build must use Electron's.
unset npm_config_nodedir

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

version="$(node -p "require('electron/package.json').version")"
platform="$(node -p process.platform)"
arch="$(node -p process.arch)"
out=".native/electron-${version}-${platform}-${arch}"
addon="$out/better_sqlite3.node"

if [ -f "$addon" ] && [ "${1:-}" != "--force" ]; then
  say "better-sqlite3 for Electron $version is already built: $addon (--force rebuilds it)"
  exit 0
fi

headers="https://electronjs.org/headers/v${version}/node-v${version}-headers.tar.gz"
if ! curl -sfIL --max-time 20 "$headers" >/dev/null 2>&1 \
  && ! curl -sfIL --max-time 20 https://github.com >/dev/null 2>&1; then
  say "Skipped: neither Electron's headers ($headers) nor GitHub (prebuilt binaries) can be reached from this machine."
  say "The tests and the CLI are unaffected (they use the Node build in node_modules); the desktop app needs this build. Re-run where the download works."
  if [ ! -f node_modules/electron/path.txt ]; then
    # Without the Electron binary there is nothing to run the build with either: not an error here.
    exit 0
  fi
  exit 1
fi

mkdir -p .native
# The copy lives inside the project so that its build finds the project's node_modules.
work="$(mktemp -d .native/work.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cp -R node_modules/better-sqlite3 "$work/better-sqlite3"
rm -rf "$work/better-sqlite3/build"
cd "$work/better-sqlite3"

say "Fetching or building better-sqlite3 for Electron $version ($platform-$arch)"
if ! timeout 180 "$ROOT/node_modules/.bin/prebuild-install" --runtime=electron --target="$version" \
  --platform="$platform" --arch="$arch"; then
  say "No prebuilt binary: compiling against Electron's headers"
  "$ROOT/node_modules/.bin/node-gyp" rebuild --release --runtime=electron --target="$version" \
    --dist-url=https://electronjs.org/headers --arch="$arch"
fi
cd "$ROOT"
mkdir -p "$out"
cp "$work/better-sqlite3/build/Release/better_sqlite3.node" "$addon.tmp"
mv "$addon.tmp" "$addon"
# Builds for other Electron versions are stale (another ABI): drop them so packaging ships one.
for old in .native/electron-*-"$platform"-"$arch"; do
  [ "$old" = "$out" ] || rm -rf "$old"
done

# Prove it loads in Electron's runtime when the binary is here (ELECTRON_RUN_AS_NODE: no window).
if [ -f node_modules/electron/path.txt ]; then
  ELECTRON_RUN_AS_NODE=1 node_modules/.bin/electron -e \
    "const D=require('better-sqlite3');new D(':memory:',{nativeBinding:process.argv[1]}).close()" "$ROOT/$addon"
fi
say "Built $addon"
