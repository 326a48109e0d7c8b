#!/usr/bin/env bash
# One-time (and idempotent) setup on Debian/Ubuntu: OS packages, a Node ≥ 22.12, the npm packages.
# Safe to re-run: each step checks what is already there. SDESK_SKIP_APT=1 skips the OS packages.
# Runs on macOS too (bash 3.2: an empty array is expanded as "${a[@]+"${a[@]}"}" under set -u).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# libsecret-1-dev: keytar's native build. gnome-keyring + dbus: a Secret Service for the keychain.
# chromium: browser tests. build-essential/python3: node-gyp. xvfb and the GTK/NSS libraries: the
# Electron window (and its tests) on a machine without a display.
APT_PACKAGES=(
  build-essential python3 pkg-config libsecret-1-dev
  gnome-keyring dbus dbus-x11 libsecret-tools
  chromium
  xvfb xauth libgtk-3-0 libnss3 libasound2 libgbm1 libxss1 libxtst6
)

install_os_packages() {
  [ "${SDESK_SKIP_APT:-}" = 1 ] && return 0
  if ! command -v dpkg-query >/dev/null 2>&1; then
    # macOS and Windows bring their own keychain and toolchain; Chromium comes from Playwright.
    case "$(uname -s)" in
      Darwin | MINGW* | MSYS* | CYGWIN*) ;;
      *) say "Not a Debian/Ubuntu system: install the equivalents of: ${APT_PACKAGES[*]}" ;;
    esac
    return 0
  fi
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    # libasound2 became libasound2t64 on newer releases; either satisfies Electron.
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' && continue
    [ "$p" = libasound2 ] && dpkg-query -W -f='${Status}' libasound2t64 2>/dev/null | grep -q 'ok installed' && continue
    missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  say "Installing OS packages: ${missing[*]}"
  "${sudo[@]+"${sudo[@]}"}" apt-get update -qq
  # Names differ between Debian and Ubuntu releases: retry with the t64 name where needed.
  if ! DEBIAN_FRONTEND=noninteractive "${sudo[@]+"${sudo[@]}"}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    missing=("${missing[@]/#libasound2/libasound2t64}")
    DEBIAN_FRONTEND=noninteractive "${sudo[@]+"${sudo[@]}"}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_node() {
  node_is_new_enough && return 0
  say "Node $(node --version 2>/dev/null || echo '(none)') is older than 22.12: installing Node 22 from the npm registry into .tools/"
  command -v npm >/dev/null 2>&1 || { echo "npm is needed to fetch Node 22 (apt-get install npm)" >&2; exit 1; }
  npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$ROOT/.tools/node22" node@22 >/dev/null
  source "$ROOT/scripts/env.sh"
  node_is_new_enough || { echo "Node 22 could not be installed under .tools/node22" >&2; exit 1; }
}

install_npm_packages() {
  # The stamp skips `npm ci` when package-lock.json and the Node version are unchanged.
  local stamp="node_modules/.sdesk-install-stamp"
  local want
  want="$(node --version) $(sha256_of package-lock.json)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  say "Installing npm packages with Node $(node --version)"
  # The Electron binary comes from a release host that may be unreachable; it is fetched separately
  # below so that everything else installs regardless.
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
}

install_electron_binary() {
  [ "${ELECTRON_SKIP_BINARY_DOWNLOAD:-}" = 1 ] && return 0
  [ -f node_modules/electron/path.txt ] && return 0
  say "Downloading the Electron binary"
  if ! run_with_timeout 300 node node_modules/electron/install.js >/dev/null 2>&1; then
    say "The Electron binary could not be downloaded: everything but launching the desktop window works (tests, CLI, browser host)."
  fi
}

install_browser() {
  # The browser tests use Debian's Chromium where there is one (playwright.config.ts); elsewhere
  # (macOS, Windows) Playwright's own build.
  [ -x /usr/bin/chromium ] && return 0
  [ -n "$(ls -d "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* "$HOME/Library/Caches/ms-playwright"/chromium-* 2>/dev/null)" ] && return 0
  say "Installing Chromium for the browser tests (Playwright)"
  npx playwright install chromium >/dev/null || say "Chromium could not be installed: the browser tests will fail to launch it."
}

install_os_packages
install_node
install_npm_packages
install_electron_binary
install_browser
